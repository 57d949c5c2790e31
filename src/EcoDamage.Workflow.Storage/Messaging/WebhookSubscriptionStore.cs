using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Storage.Entities.Webhooks;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Messaging;

/// <summary>Subscriptions and the delivery log on EF Core; deletes and replays as set-based statements.</summary>
internal sealed class WebhookSubscriptionStore(WorkflowDbContext db) : IWebhookSubscriptionStore
{
    private DbSet<WebhookSubscriptionRow> Rows => db.Set<WebhookSubscriptionRow>();

    public async Task AddAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var row = new WebhookSubscriptionRow
        {
            Id = subscription.Id,
            Url = subscription.Url,
            EventTypes = string.Join(' ', subscription.EventTypes),
            Secret = subscription.Secret,
            Status = subscription.Status,
            CreatedBy = subscription.CreatedBy,
        };
        Copy(subscription, row);
        row.StatusReason = subscription.StatusReason;
        row.CreatedAt = Ticks.From(subscription.CreatedAt);
        Rows.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Record).ToList();

    public async Task<WebhookSubscription?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await Rows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false) is { } row ? Record(row) : null;

    public async Task<WebhookSubscription?> UpdateAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var row = await Rows.SingleOrDefaultAsync(r => r.Id == subscription.Id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        Copy(subscription, row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Record(row);
    }

    public async Task<WebhookSubscription?> SetStatusAsync(Guid id, string status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var row = await Rows.SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        row.Status = status;
        row.StatusReason = null;
        row.UpdatedAt = Ticks.From(at);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Record(row);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var sql = new MessagingSql(db);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await sql.ExecuteAsync(
            """DELETE FROM "WebhookAttempts" WHERE "DeliveryId" IN (SELECT "Id" FROM "WebhookDeliveries" WHERE "SubscriptionId" = @id)""",
            cancellationToken, ("@id", sql.Key(id))).ConfigureAwait(false);
        await sql.ExecuteAsync("""DELETE FROM "WebhookDeliveries" WHERE "SubscriptionId" = @id""", cancellationToken, ("@id", sql.Key(id))).ConfigureAwait(false);
        var deleted = await sql.ExecuteAsync("""DELETE FROM "WebhookSubscriptions" WHERE "Id" = @id""", cancellationToken, ("@id", sql.Key(id))).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    public async Task<IReadOnlyList<WebhookDelivery>?> DeliveriesAsync(Guid subscriptionId, string? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!await Rows.AnyAsync(r => r.Id == subscriptionId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var query = db.Set<WebhookDeliveryRow>().AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }

        var rows = await query.OrderByDescending(d => d.OccurredAt).ThenByDescending(d => d.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => Delivery(r, null)).ToList();
    }

    public async Task<WebhookDelivery?> DeliveryAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<WebhookDeliveryRow>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var attempts = await db.Set<WebhookAttemptRow>().AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Attempt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Delivery(row, attempts.Select(a => new WebhookAttempt(a.Attempt, Ticks.ToDateTimeOffset(a.At), a.StatusCode, a.LatencyMs, a.Excerpt, a.Succeeded)).ToList());
    }

    public async Task<bool> ReplayAsync(Guid deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var sql = new MessagingSql(db);
        var changed = await sql.ExecuteAsync(
            """UPDATE "WebhookDeliveries" SET "Status" = 'Pending', "NextAttemptAt" = @now, "CreatedAt" = @now, "CompletedAt" = NULL WHERE "Id" = @id""",
            cancellationToken, ("@now", Ticks.From(at)), ("@id", sql.Key(deliveryId))).ConfigureAwait(false);
        return changed > 0;
    }

    public async Task<int?> ReplayRangeAsync(Guid subscriptionId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!await Rows.AnyAsync(r => r.Id == subscriptionId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var sql = new MessagingSql(db);
        return await sql.ExecuteAsync(
            """
            UPDATE "WebhookDeliveries" SET "Status" = 'Pending', "NextAttemptAt" = @now, "CreatedAt" = @now, "CompletedAt" = NULL
            WHERE "SubscriptionId" = @id AND "OccurredAt" >= @from AND "OccurredAt" < @to
            """,
            cancellationToken, ("@now", Ticks.From(at)), ("@id", sql.Key(subscriptionId)), ("@from", Ticks.From(from)), ("@to", Ticks.From(to)))
            .ConfigureAwait(false);
    }

    private static void Copy(WebhookSubscription s, WebhookSubscriptionRow row)
    {
        row.Url = s.Url;
        row.EventTypes = string.Join(' ', s.EventTypes);
        row.Department = s.Department;
        row.Jurisdiction = s.Jurisdiction;
        row.DefinitionId = s.DefinitionId;
        row.Description = s.Description;
        row.Secret = s.Secret;
        row.Scope = StoredScope.Write(s.Scope);
        row.UpdatedAt = Ticks.From(s.UpdatedAt);
    }

    private static WebhookSubscription Record(WebhookSubscriptionRow r) =>
        new(r.Id, r.Url, r.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.Department, r.Jurisdiction, r.DefinitionId, r.Description,
            r.Secret, r.Status, r.StatusReason, r.CreatedBy, Ticks.ToDateTimeOffset(r.CreatedAt), Ticks.ToDateTimeOffset(r.UpdatedAt))
        {
            Scope = StoredScope.Read(r.Scope),
        };

    private static WebhookDelivery Delivery(WebhookDeliveryRow r, IReadOnlyList<WebhookAttempt>? attempts) =>
        new(r.Id, r.EventId, r.SubscriptionId, r.CaseId, r.EventType, r.Status, r.Attempts, Ticks.ToDateTimeOffset(r.OccurredAt), Ticks.ToDateTimeOffset(r.NextAttemptAt),
            r.CompletedAt is { } c ? Ticks.ToDateTimeOffset(c) : null, r.LastStatusCode, attempts);
}
