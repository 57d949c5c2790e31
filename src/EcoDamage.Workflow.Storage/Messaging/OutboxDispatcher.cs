using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Entities.Webhooks;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Messaging;

/// <summary>
/// Claims outbox rows and writes their deliveries in one transaction, with set-based statements: one
/// <c>UPDATE … RETURNING</c> marks the oldest undispatched rows dispatched and says which they were (PostgreSQL:
/// <c>FOR UPDATE SKIP LOCKED</c>, so two nodes never claim the same row; SQLite: one writer), one read of the
/// subscriptions, one read of the cases when a subscription exists, and the delivery inserts as one batch (the unique
/// key (EventId, SubscriptionId) makes a second insert for the same pair a no-op).
/// </summary>
internal sealed class OutboxDispatcher(WorkflowDbContext db, TimeProvider time) : IOutboxDispatcher
{
    public async Task<OutboxDispatch> DispatchAsync(int limit, IOutboxFanOut fanOut, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fanOut);
        var sql = new MessagingSql(db);
        var now = time.GetUtcNow();
        var nowTicks = Ticks.From(now);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entries = await ClaimAsync(sql, nowTicks, limit, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxDispatch([], 0);
        }

        var subscriptions = (await db.Set<WebhookSubscriptionRow>().AsNoTracking()
                .Where(s => s.Status != WebhookStatus.Disabled).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(s => new SubscriptionRoute(s.Id, s.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries), s.DefinitionId, s.Jurisdiction, s.Department)
            {
                Scope = StoredScope.Read(s.Scope) ?? Runtime.Access.AccessScope.Nothing,
            })
            .ToList();
        var cases = new Dictionary<string, CaseRouting>(StringComparer.Ordinal);
        if (subscriptions.Count > 0)
        {
            var caseIds = entries.Select(e => e.CaseId).Distinct(StringComparer.Ordinal).ToList();
            var grants = (await db.Set<CaseGrantRow>().AsNoTracking().Where(g => caseIds.Contains(g.CaseId))
                    .ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToLookup(g => g.CaseId, g => g.Party, StringComparer.Ordinal);
            foreach (var c in await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                         .Select(c => new { c.Id, c.DefinitionId, c.Jurisdiction, c.Department, c.ReferringDepartment }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                // Whom the case belongs to (R4, R8 and its party grants), so a subscription hears only what its owner reads.
                cases[c.Id] = new CaseRouting(c.DefinitionId, c.Jurisdiction, c.Department)
                {
                    ReferringDepartment = c.ReferringDepartment,
                    Parties = grants[c.Id].ToList(),
                };
            }
        }

        var rows = new List<(string Name, object? Value)[]>();
        foreach (var entry in entries)
        {
            foreach (var d in fanOut.Plan(entry, cases.GetValueOrDefault(entry.CaseId), subscriptions))
            {
                rows.Add([
                    ("@id", sql.Key(Guid.CreateVersion7(now))), ("@eventId", sql.Key(entry.Id)), ("@subscriptionId", sql.Key(d.SubscriptionId)),
                    ("@caseId", entry.CaseId), ("@type", d.EventType), ("@body", d.Body), ("@now", nowTicks), ("@occurred", Ticks.From(entry.OccurredAt)),
                ]);
            }
        }

        var created = await sql.ExecuteBatchAsync(rows.ConvertAll(row => (InsertDelivery, row)), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new OutboxDispatch(entries, created);
    }

    private const string InsertDelivery = """
        INSERT INTO "WebhookDeliveries" ("Id", "EventId", "SubscriptionId", "CaseId", "EventType", "Body", "Status", "Attempts", "NextAttemptAt", "OccurredAt", "CreatedAt", "CompletedAt", "LastStatusCode")
        VALUES (@id, @eventId, @subscriptionId, @caseId, @type, @body, 'Pending', 0, @now, @occurred, @now, NULL, NULL)
        ON CONFLICT ("EventId", "SubscriptionId") DO NOTHING
        """;

    private static async Task<List<OutboxEntry>> ClaimAsync(MessagingSql sql, long now, int limit, CancellationToken cancellationToken)
    {
        // No lease on the row: a claim and its deliveries commit together or not at all.
        var text = $"""
            UPDATE "Outbox" SET "DispatchedAt" = @now, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
              SELECT o."Id" FROM "Outbox" o
              WHERE o."DispatchedAt" IS NULL
              ORDER BY o."Id" LIMIT @limit {sql.SkipLocked("o")})
            RETURNING "Id", "CaseId", "Type", "Name", "Payload", "OccurredAt"
            """;
        var entries = new List<OutboxEntry>();
        await using var command = await sql.CommandAsync(text, cancellationToken, ("@now", now), ("@limit", limit)).ConfigureAwait(false);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new OutboxEntry(StoredGuid.Read(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Ticks.ToDateTimeOffset(reader.GetInt64(5))));
            }
        }

        // RETURNING does not keep the subquery's order. Guid order is the order of the ids' text (the column's order on
        // SQLite, uuid order on PostgreSQL): both compare the same unsigned fields, most significant first.
        entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        return entries;
    }
}
