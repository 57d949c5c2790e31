using System.Text.Json;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;

namespace EcoDamage.Workflow.Storage.Stores.Sqlite;

/// <summary>
/// Loads cases and idempotency records on SQLite through the <see cref="SqliteWriter"/>'s prepared
/// statements (no EF Core on the command path). A load reads the row's version and audit head first and
/// returns the cached case when they match (see <see cref="CaseCache"/>); otherwise it reads and
/// deserializes the snapshot.
/// </summary>
internal sealed class SqliteCaseStore(SqliteWriter writer, CaseCache cache) : ICaseStore, IIdempotencyStore
{
    public async Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var header = await writer.RunAsync(w => w.Header(caseId), cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return null;
        }

        if (cache.Find(caseId, header.Version, header.AuditSequence, header.AuditHead) is { } cached)
        {
            return cached;
        }

        // The whole row is read again (not just the snapshot) so that a commit in between cannot pair
        // one version's snapshot with another's audit head.
        var row = await writer.RunAsync(w => w.Row(caseId), cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var stored = new StoredCase(CaseJson.Deserialize(row.Snapshot) with { Version = row.Version }, row.AuditSequence, row.AuditHead);
        cache.Put(stored);
        return stored;
    }

    public async Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await writer.RunAsync(w => w.Idempotency(key), cancellationToken).ConfigureAwait(false);
        return row is not { } r
            ? null
            : new IdempotencyRecord(r.Key, r.RequestHash, r.CaseId, JsonSerializer.Deserialize<CommandOutcome>(r.Outcome, CaseJson.Options)!, Ticks.ToInstant(r.CreatedAt));
    }
}
