using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcoDamage.Workflow.Storage.Stores;

/// <summary>
/// Sets SQLite's own busy handler on every EF Core connection the store opens (<c>PRAGMA busy_timeout</c>; the command
/// path's own connections, <c>SqliteWriter</c> and <c>SqliteReaders</c>, run <see cref="Apply"/>): a writer that finds
/// the file locked then waits inside SQLite in steps of a few milliseconds, instead of getting SQLITE_BUSY at once and
/// sleeping in Microsoft.Data.Sqlite's retry loop (150 ms per round). With the outbox relay, the webhook fan-out and
/// the delivery worker writing beside the commands, that sleep dominated commit → webhook latency (docs/events-and-webhooks.md).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    /// <summary>Sets the busy handler on an open connection (the interceptor's, or one opened outside EF Core).</summary>
    public static void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
