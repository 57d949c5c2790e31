using EcoDamage.Workflow.Runtime.HookSecrets;
using EcoDamage.Workflow.Storage.Messaging;
using EcoDamage.Workflow.Storage.Sql;

namespace EcoDamage.Workflow.Storage.HookSecrets;

/// <summary>
/// The inbound replay log: one insert that does nothing when the message is already there (the primary key decides,
/// so two nodes racing on one message see exactly one acceptance), and a delete of ended windows by the expiry index.
/// The same SQL on SQLite and PostgreSQL.
/// </summary>
internal sealed class InboundReplayGuard(WorkflowDbContext db) : IInboundReplayGuard
{
    public async Task<bool> TryRememberAsync(string system, string messageId, long timestamp, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sql = new MessagingSql(db);
        await sql.ExecuteAsync("""DELETE FROM "InboundReplays" WHERE "ExpiresAt" < @now""", cancellationToken, ("@now", Ticks.From(now))).ConfigureAwait(false);
        var inserted = await sql.ExecuteAsync(
            """
            INSERT INTO "InboundReplays" ("System", "MessageId", "Timestamp", "ExpiresAt") VALUES (@system, @id, @timestamp, @expires)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken, ("@system", system), ("@id", messageId), ("@timestamp", timestamp), ("@expires", Ticks.From(expiresAt))).ConfigureAwait(false);
        return inserted == 1;
    }
}
