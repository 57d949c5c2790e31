using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Sql;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.Storage.Entities.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Turns events into one delivery row per matching subscription and marks their outbox rows dispatched, a batch of
/// events (up to 100, collected for at most 10 ms) per transaction. Idempotent on the event id: an event whose outbox row is already dispatched is skipped, and the
/// unique key (EventId, SubscriptionId) absorbs a concurrent duplicate. An event whose outbox row is not in this
/// store (another deployment on a shared broker) is ignored.
/// </summary>
internal sealed class WebhookFanOutConsumer(WorkflowDbContext db, DeliverySignal signal, WebhookOptions options, TimeProvider time)
    : IConsumer<Batch<CaseEvent>>
{
    public async Task Consume(ConsumeContext<Batch<CaseEvent>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var events = context.Message.Select(m => m.Message)
            .OrderBy(e => e.EventId.ToString(), StringComparer.Ordinal).DistinctBy(e => e.EventId).ToList();
        var sql = new StoreSql(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var subscriptions = await db.Set<WebhookSubscriptionRow>().AsNoTracking()
            .Where(s => s.Status != SubscriptionStatus.Disabled).ToListAsync(ct).ConfigureAwait(false);
        var created = 0;
        foreach (var e in events)
        {
            created += await FanOutAsync(sql, e, subscriptions, ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        if (created > 0)
        {
            signal.Set();
        }
    }

    private async Task<int> FanOutAsync(StoreSql sql, CaseEvent e, List<WebhookSubscriptionRow> subscriptions, CancellationToken ct)
    {
        await using (var check = await sql.CommandAsync(
            $"""SELECT "DispatchedAt" FROM "Outbox" WHERE "Id" = @id {(sql.IsPostgres ? "FOR UPDATE" : string.Empty)}""", ct, ("@id", sql.Key(e.EventId))).ConfigureAwait(false))
        {
            var value = await check.ExecuteScalarAsync(ct).ConfigureAwait(false);
            if (value is null || value is not DBNull)
            {
                // Not this store's event (another deployment on a shared broker), or already fanned out (a re-published duplicate).
                return 0;
            }
        }

        var caseRow = await db.Cases.AsNoTracking().Where(c => c.Id == e.CaseId)
            .Select(c => new { c.DefinitionId, c.Jurisdiction, c.Department }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks;
        var occurred = (e.OccurredAt - DateTimeOffset.UnixEpoch).Ticks;
        string? body = null;
        var created = 0;
        foreach (var s in subscriptions)
        {
            if (!SubscriptionFilter.Selects(s, e.Name, caseRow?.DefinitionId, caseRow?.Jurisdiction, caseRow?.Department))
            {
                continue;
            }

            body ??= WebhookEnvelope.Write(e, options.Source);
            created += await sql.ExecuteAsync(
                """
                INSERT INTO "WebhookDeliveries" ("Id", "EventId", "SubscriptionId", "CaseId", "EventType", "Body", "Status", "Attempts", "NextAttemptAt", "OccurredAt", "CreatedAt", "CompletedAt", "LastStatusCode")
                VALUES (@id, @eventId, @subscriptionId, @caseId, @type, @body, 'Pending', 0, @now, @occurred, @now, NULL, NULL)
                ON CONFLICT ("EventId", "SubscriptionId") DO NOTHING
                """,
                ct,
                ("@id", sql.Key(Guid.CreateVersion7(time.GetUtcNow()))), ("@eventId", sql.Key(e.EventId)), ("@subscriptionId", sql.Key(s.Id)),
                ("@caseId", e.CaseId), ("@type", e.Type), ("@body", body), ("@now", now), ("@occurred", occurred)).ConfigureAwait(false);
        }

        await sql.ExecuteAsync("""UPDATE "Outbox" SET "DispatchedAt" = @now WHERE "Id" = @id""", ct, ("@now", now), ("@id", sql.Key(e.EventId))).ConfigureAwait(false);
        return created;
    }
}
