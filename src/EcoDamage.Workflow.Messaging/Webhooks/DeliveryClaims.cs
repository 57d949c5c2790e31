using EcoDamage.Workflow.Messaging.Sql;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Claims due deliveries for one node: pending, due, of an active subscription, and the head of their
/// (subscription, case) queue — no earlier event of that case is still pending for the subscription, and no
/// earlier event of the case is still waiting in the outbox for its fan-out — so a case's events reach a
/// subscriber in order. The claim moves <c>NextAttemptAt</c> to the end of a lease (PostgreSQL: <c>FOR UPDATE
/// SKIP LOCKED</c>, so one node attempts a delivery); a node that dies mid-attempt leaves it due again when the
/// lease ends.
/// </summary>
internal static class DeliveryClaims
{
    public static async Task<List<DueDelivery>> ClaimAsync(StoreSql sql, long now, long leaseEnd, int limit, CancellationToken cancellationToken)
    {
        var text = $"""
            UPDATE "WebhookDeliveries" SET "NextAttemptAt" = @lease
            WHERE "Id" IN (
              SELECT d."Id" FROM "WebhookDeliveries" d
              JOIN "WebhookSubscriptions" s ON s."Id" = d."SubscriptionId"
              WHERE d."Status" = 'Pending' AND d."NextAttemptAt" <= @now AND s."Status" = 'Active'
                AND NOT EXISTS (SELECT 1 FROM "WebhookDeliveries" p
                  WHERE p."SubscriptionId" = d."SubscriptionId" AND p."CaseId" = d."CaseId" AND p."Status" = 'Pending' AND p."EventId" < d."EventId")
                AND NOT EXISTS (SELECT 1 FROM "Outbox" o WHERE o."CaseId" = d."CaseId" AND o."DispatchedAt" IS NULL AND o."Id" < d."EventId")
              ORDER BY d."EventId" LIMIT @limit {sql.SkipLocked("d")})
            RETURNING "Id", "EventId", "SubscriptionId", "Body", "Attempts", "CreatedAt"
            """;
        var claimed = new List<(Guid Id, Guid EventId, Guid SubscriptionId, string Body, int Attempts, long CreatedAt)>();
        await using (var command = await sql.CommandAsync(text, cancellationToken, ("@lease", leaseEnd), ("@now", now), ("@limit", limit)).ConfigureAwait(false))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add((StoreSql.ReadGuid(reader, 0), StoreSql.ReadGuid(reader, 1), StoreSql.ReadGuid(reader, 2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5)));
            }
        }

        if (claimed.Count == 0)
        {
            return [];
        }

        var targets = new Dictionary<Guid, (string Url, string Secret)>();
        await using (var command = await sql.CommandAsync("""SELECT "Id", "Url", "Secret" FROM "WebhookSubscriptions" """, cancellationToken).ConfigureAwait(false))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                targets[StoreSql.ReadGuid(reader, 0)] = (reader.GetString(1), reader.GetString(2));
            }
        }

        return claimed.Where(c => targets.ContainsKey(c.SubscriptionId))
            .Select(c => new DueDelivery(c.Id, c.EventId, c.SubscriptionId, targets[c.SubscriptionId].Url, targets[c.SubscriptionId].Secret, c.Body, c.Attempts, c.CreatedAt))
            .ToList();
    }
}
