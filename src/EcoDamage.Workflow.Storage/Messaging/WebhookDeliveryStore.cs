using EcoDamage.Workflow.Runtime.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Messaging;

/// <summary>
/// The delivery queue: the claim of due deliveries in per-case order (see <see cref="IWebhookDeliveryStore.ClaimDueAsync"/>;
/// PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>) and the attempt log.
/// </summary>
internal sealed class WebhookDeliveryStore(WorkflowDbContext db) : IWebhookDeliveryStore
{
    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseEnd, int limit, CancellationToken cancellationToken = default)
    {
        var sql = new MessagingSql(db);
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
        await using (var command = await sql.CommandAsync(
            text, cancellationToken, ("@lease", MessagingSql.Ticks(leaseEnd)), ("@now", MessagingSql.Ticks(now)), ("@limit", limit)).ConfigureAwait(false))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add((MessagingSql.ReadGuid(reader, 0), MessagingSql.ReadGuid(reader, 1), MessagingSql.ReadGuid(reader, 2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5)));
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
                targets[MessagingSql.ReadGuid(reader, 0)] = (reader.GetString(1), reader.GetString(2));
            }
        }

        return claimed.Where(c => targets.ContainsKey(c.SubscriptionId))
            .OrderBy(c => c.EventId)
            .Select(c => new DueDelivery(c.Id, c.EventId, c.SubscriptionId, targets[c.SubscriptionId].Url, targets[c.SubscriptionId].Secret, c.Body, c.Attempts, MessagingSql.At(c.CreatedAt)))
            .ToList();
    }

    public async Task RecordAsync(IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (attempts.Count == 0)
        {
            return;
        }

        var sql = new MessagingSql(db);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await using var log = await sql.CommandAsync(
            """
            INSERT INTO "WebhookAttempts" ("Id", "DeliveryId", "Attempt", "At", "StatusCode", "LatencyMs", "Excerpt", "Succeeded")
            VALUES (@id, @deliveryId, @attempt, @at, @status, @latency, @excerpt, @succeeded)
            """,
            cancellationToken,
            ("@id", null), ("@deliveryId", null), ("@attempt", null), ("@at", null), ("@status", null), ("@latency", null), ("@excerpt", null), ("@succeeded", null))
            .ConfigureAwait(false);
        await using var state = await sql.CommandAsync(
            """
            UPDATE "WebhookDeliveries" SET "Status" = @status, "Attempts" = @attempt, "NextAttemptAt" = @next, "LastStatusCode" = @code,
              "CompletedAt" = CASE WHEN @status = 'Pending' THEN NULL ELSE @at END
            WHERE "Id" = @id
            """,
            cancellationToken,
            ("@status", null), ("@attempt", null), ("@next", null), ("@code", null), ("@at", null), ("@id", null)).ConfigureAwait(false);
        foreach (var a in attempts)
        {
            var at = MessagingSql.Ticks(a.At);
            MessagingSql.Set(log, "@id", sql.Key(Guid.CreateVersion7(a.At)));
            MessagingSql.Set(log, "@deliveryId", sql.Key(a.DeliveryId));
            MessagingSql.Set(log, "@attempt", a.Attempt);
            MessagingSql.Set(log, "@at", at);
            MessagingSql.Set(log, "@status", a.StatusCode);
            MessagingSql.Set(log, "@latency", a.LatencyMs);
            MessagingSql.Set(log, "@excerpt", a.Excerpt);
            MessagingSql.Set(log, "@succeeded", a.Succeeded);
            await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            MessagingSql.Set(state, "@status", a.Status);
            MessagingSql.Set(state, "@attempt", a.Attempt);
            MessagingSql.Set(state, "@next", MessagingSql.Ticks(a.NextAttemptAt));
            MessagingSql.Set(state, "@code", a.StatusCode);
            MessagingSql.Set(state, "@at", at);
            MessagingSql.Set(state, "@id", sql.Key(a.DeliveryId));
            await state.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (a.DisableReason is { } reason)
            {
                await sql.ExecuteAsync(
                    """UPDATE "WebhookSubscriptions" SET "Status" = 'Disabled', "StatusReason" = @reason, "UpdatedAt" = @at WHERE "Id" = @id""",
                    cancellationToken, ("@reason", reason), ("@at", at), ("@id", sql.Key(a.SubscriptionId))).ConfigureAwait(false);
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
