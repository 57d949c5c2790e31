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
/// (<see cref="CaseEventBatch"/>: one claimed by the relay) per transaction, with set-based statements: one <c>UPDATE … RETURNING</c>
/// marks the batch's undispatched rows and says which they were (on PostgreSQL the update's row locks make a
/// concurrent duplicate wait and then find them dispatched), one read of the subscriptions, one read of the cases
/// when a subscription may select them, and one insert per delivery. Idempotent on the event id: an event whose
/// outbox row is already dispatched is skipped, and the unique key (EventId, SubscriptionId) absorbs a concurrent
/// duplicate. An event whose outbox row is not in this store (another deployment on a shared broker) is ignored.
/// </summary>
internal sealed class WebhookFanOutConsumer(WorkflowDbContext db, DeliverySignal signal, WebhookOptions options, TimeProvider time)
    : IConsumer<CaseEventBatch>
{
    public async Task Consume(ConsumeContext<CaseEventBatch> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var events = context.Message.Events
            .OrderBy(e => e.EventId).DistinctBy(e => e.EventId).ToList(); // Guid order = the ids' text order (see OutboxRelay)
        if (events.Count == 0)
        {
            return;
        }

        var sql = new StoreSql(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks;
        var fresh = await MarkDispatchedAsync(sql, events, now, ct).ConfigureAwait(false);
        var created = 0;
        if (fresh.Count > 0)
        {
            var subscriptions = await db.Set<WebhookSubscriptionRow>().AsNoTracking()
                .Where(s => s.Status != SubscriptionStatus.Disabled).ToListAsync(ct).ConfigureAwait(false);
            if (subscriptions.Count > 0)
            {
                var owned = events.Where(e => fresh.Contains(e.EventId)).ToList();
                var caseIds = owned.Select(e => e.CaseId).Distinct(StringComparer.Ordinal).ToList();
                var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                    .Select(c => new CaseFilter(c.Id, c.DefinitionId, c.Jurisdiction, c.Department))
                    .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, ct).ConfigureAwait(false);
                foreach (var e in owned)
                {
                    created += await FanOutAsync(sql, e, cases.GetValueOrDefault(e.CaseId), subscriptions, now, ct).ConfigureAwait(false);
                }
            }
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        if (created > 0)
        {
            signal.Set();
        }
    }

    private sealed record CaseFilter(string Id, string DefinitionId, string? Jurisdiction, string? Department);

    /// <summary>Marks the batch's undispatched outbox rows dispatched; returns their ids (rows not in this store, or already dispatched, are not).</summary>
    private static async Task<HashSet<Guid>> MarkDispatchedAsync(StoreSql sql, List<CaseEvent> events, long now, CancellationToken ct)
    {
        var parameters = new (string Name, object? Value)[events.Count + 1];
        parameters[0] = ("@now", now);
        var names = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            names[i] = "@e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters[i + 1] = (names[i], sql.Key(events[i].EventId));
        }

        var fresh = new HashSet<Guid>();
        await using var command = await sql.CommandAsync(
            $"""UPDATE "Outbox" SET "DispatchedAt" = @now WHERE "Id" IN ({string.Join(", ", names)}) AND "DispatchedAt" IS NULL RETURNING "Id" """,
            ct, parameters).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            fresh.Add(StoreSql.ReadGuid(reader, 0));
        }

        return fresh;
    }

    private async Task<int> FanOutAsync(StoreSql sql, CaseEvent e, CaseFilter? caseRow, List<WebhookSubscriptionRow> subscriptions, long now, CancellationToken ct)
    {
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

        return created;
    }
}
