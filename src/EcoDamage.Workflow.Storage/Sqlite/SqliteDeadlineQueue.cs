using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>
/// Claims due deadline rows on SQLite (one embedded node, one sweeper): a plain ordered read on the <c>NextEventAt</c>
/// index, on a read connection beside the writer. No lease is written: no other node claims on the same file.
/// </summary>
internal sealed class SqliteDeadlineQueue(SqliteReaders readers) : IDeadlineQueue
{
    public Task<IReadOnlyList<string>> ClaimDueAsync(Instant now, int max, Duration lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // A case with several due rows is claimed once, at its soonest row's place.
            var ids = readers.Run(r => r.Due(Ticks.From(now), max));
            return Task.FromResult<IReadOnlyList<string>>(ids.Distinct(StringComparer.Ordinal).ToArray());
        }
        catch (SqliteException e)
        {
            return Task.FromException<IReadOnlyList<string>>(e);
        }
    }
}
