using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Messaging;

/// <summary>
/// The delivery queue: the attempt log and the claim of due deliveries in per-case order (see
/// <see cref="IWebhookDeliveryStore.RecordAndClaimAsync"/>; PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>), one transaction per
/// round: the attempts written as one batch, then the claim and its targets read by one command (on PostgreSQL three round
/// trips with the commit). The claim walks pending rows only (partial indexes, see <c>WebhookModel</c>).
/// </summary>
internal sealed class WebhookDeliveryStore(WorkflowDbContext db) : IWebhookDeliveryStore
{
    public async Task<IReadOnlyList<DueDelivery>> RecordAndClaimAsync(
        IReadOnlyList<DeliveryAttempt> finished, DateTimeOffset now, DateTimeOffset leaseEnd, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finished);
        if (finished.Count == 0 && limit <= 0)
        {
            return [];
        }

        var sql = new MessagingSql(db);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await RecordAsync(sql, finished, cancellationToken).ConfigureAwait(false);
        var due = limit > 0 ? await ClaimAsync(sql, now, leaseEnd, limit, cancellationToken).ConfigureAwait(false) : [];
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return due;
    }

    private static async Task<IReadOnlyList<DueDelivery>> ClaimAsync(MessagingSql sql, DateTimeOffset now, DateTimeOffset leaseEnd, int limit, CancellationToken cancellationToken)
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
            RETURNING "Id", "EventId", "SubscriptionId", "Body", "Attempts", "CreatedAt";
            SELECT "Id", "Url", "Secret" FROM "WebhookSubscriptions"
            """;
        // One command, two statements (one round trip): the claim, then the targets (a handful of rows).
        var claimed = new List<(Guid Id, Guid EventId, Guid SubscriptionId, string Body, int Attempts, long CreatedAt)>();
        var targets = new Dictionary<Guid, (string Url, string Secret)>();
        await using (var command = await sql.CommandAsync(
            text, cancellationToken, ("@lease", Ticks.From(leaseEnd)), ("@now", Ticks.From(now)), ("@limit", limit)).ConfigureAwait(false))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add((StoredGuid.Read(reader, 0), StoredGuid.Read(reader, 1), StoredGuid.Read(reader, 2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5)));
            }

            if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The claim's second statement (the subscriptions) returned no result set.");
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                targets[StoredGuid.Read(reader, 0)] = (reader.GetString(1), reader.GetString(2));
            }
        }

        if (claimed.Count == 0)
        {
            return [];
        }

        return claimed.Where(c => targets.ContainsKey(c.SubscriptionId))
            .OrderBy(c => c.EventId)
            .Select(c => new DueDelivery(c.Id, c.EventId, c.SubscriptionId, targets[c.SubscriptionId].Url, targets[c.SubscriptionId].Secret, c.Body, c.Attempts, Ticks.ToDateTimeOffset(c.CreatedAt)))
            .ToList();
    }

    private static async Task RecordAsync(MessagingSql sql, IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken)
    {
        if (attempts.Count == 0)
        {
            return;
        }

        // One batch (one round trip on PostgreSQL): the attempts, their deliveries' new state, the subscriptions given up on.
        var statements = new List<(string Sql, (string Name, object? Value)[] Parameters)>(attempts.Count * 2);
        foreach (var a in attempts)
        {
            statements.Add((InsertAttempt,
            [
                ("@id", sql.Key(Guid.CreateVersion7(a.At))), ("@deliveryId", sql.Key(a.DeliveryId)), ("@attempt", a.Attempt), ("@at", Ticks.From(a.At)),
                ("@status", a.StatusCode), ("@latency", a.LatencyMs), ("@excerpt", a.Excerpt), ("@succeeded", a.Succeeded),
            ]));
        }

        foreach (var a in attempts)
        {
            statements.Add((UpdateDelivery,
            [
                ("@status", a.Status), ("@attempt", a.Attempt), ("@next", Ticks.From(a.NextAttemptAt)), ("@code", a.StatusCode),
                ("@at", Ticks.From(a.At)), ("@id", sql.Key(a.DeliveryId)),
            ]));
        }

        foreach (var a in attempts)
        {
            if (a.DisableReason is { } reason)
            {
                statements.Add((DisableSubscription, [("@reason", reason), ("@at", Ticks.From(a.At)), ("@id", sql.Key(a.SubscriptionId))]));
            }
        }

        await sql.ExecuteBatchAsync(statements, cancellationToken).ConfigureAwait(false);
    }

    private const string InsertAttempt = """
        INSERT INTO "WebhookAttempts" ("Id", "DeliveryId", "Attempt", "At", "StatusCode", "LatencyMs", "Excerpt", "Succeeded")
        VALUES (@id, @deliveryId, @attempt, @at, @status, @latency, @excerpt, @succeeded)
        """;

    private const string UpdateDelivery = """
        UPDATE "WebhookDeliveries" SET "Status" = @status, "Attempts" = @attempt, "NextAttemptAt" = @next, "LastStatusCode" = @code,
          "CompletedAt" = CASE WHEN @status = 'Pending' THEN NULL ELSE @at END
        WHERE "Id" = @id
        """;

    private const string DisableSubscription = """
        UPDATE "WebhookSubscriptions" SET "Status" = 'Disabled', "StatusReason" = @reason, "UpdatedAt" = @at WHERE "Id" = @id
        """;
}
