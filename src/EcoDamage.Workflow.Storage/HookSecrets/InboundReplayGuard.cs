using EcoDamage.Workflow.Runtime.HookSecrets;
using EcoDamage.Workflow.Storage.Messaging;
using EcoDamage.Workflow.Storage.Sql;

namespace EcoDamage.Workflow.Storage.HookSecrets;

/// <summary>
/// The inbound replay log: one insert that does nothing when the message is already there (the primary key decides,
/// so two nodes racing on one message see exactly one acceptance), and a delete of ended windows by the expiry index.
/// The same SQL on SQLite and PostgreSQL. Pruning runs at most once a minute per process: an ended window's row only
/// takes room, since its timestamp is refused anyway.
/// </summary>
internal sealed class InboundReplayGuard(WorkflowDbContext db) : IInboundReplayGuard
{
    private static long _nextPrune;

    public async Task<bool> TryRememberAsync(string system, string messageId, long timestamp, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sql = new MessagingSql(db);
        var due = Interlocked.Read(ref _nextPrune);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextPrune, now.UtcTicks + TimeSpan.TicksPerMinute, due) == due)
        {
            await sql.ExecuteAsync("""DELETE FROM "InboundReplays" WHERE "ExpiresAt" < @now""", cancellationToken, ("@now", Ticks.From(now))).ConfigureAwait(false);
        }

        var inserted = await sql.ExecuteAsync(
            """
            INSERT INTO "InboundReplays" ("System", "MessageId", "Timestamp", "ExpiresAt") VALUES (@system, @id, @timestamp, @expires)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken, ("@system", system), ("@id", messageId), ("@timestamp", timestamp), ("@expires", Ticks.From(expiresAt))).ConfigureAwait(false);
        return inserted == 1;
    }
}
