using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Sql;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.Storage.Entities.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>Subscriptions and their deliveries: create, read, update, pause, resume, delete, the delivery log and replays.</summary>
internal sealed class WebhookSubscriptions(WorkflowDbContext db, WebhookOptions options, DeliverySignal signal, TimeProvider time)
{
    private DbSet<WebhookSubscriptionRow> Rows => db.Set<WebhookSubscriptionRow>();

    public async Task<(SubscriptionView? View, Dictionary<string, string[]> Errors)> CreateAsync(SubscriptionInput input, string createdBy, CancellationToken cancellationToken)
    {
        var errors = await SubscriptionValidator.ValidateAsync(input, options, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = Ticks(time.GetUtcNow());
        var row = new WebhookSubscriptionRow
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Url = input.Url!,
            EventTypes = string.Join(' ', input.EventTypes!.Distinct(StringComparer.Ordinal)),
            Department = input.Department,
            Jurisdiction = input.Jurisdiction,
            DefinitionId = input.DefinitionId,
            Description = input.Description,
            Secret = input.Secret ?? StandardWebhookSignature.NewSecret(),
            Status = SubscriptionStatus.Active,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Rows.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (View(row) with { Secret = row.Secret }, errors);
    }

    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(CancellationToken cancellationToken) =>
        (await Rows.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(View).ToList();

    public async Task<SubscriptionView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await Rows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false) is { } row ? View(row) : null;

    public async Task<(SubscriptionView? View, Dictionary<string, string[]> Errors)> UpdateAsync(Guid id, SubscriptionInput input, CancellationToken cancellationToken)
    {
        var row = await Rows.SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return (null, []);
        }

        var errors = await SubscriptionValidator.ValidateAsync(input, options, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        row.Url = input.Url!;
        row.EventTypes = string.Join(' ', input.EventTypes!.Distinct(StringComparer.Ordinal));
        row.Department = input.Department;
        row.Jurisdiction = input.Jurisdiction;
        row.DefinitionId = input.DefinitionId;
        row.Description = input.Description;
        row.Secret = input.Secret ?? row.Secret;
        row.UpdatedAt = Ticks(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (View(row), errors);
    }

    /// <summary>Pauses (<paramref name="active"/> false) or resumes a subscription; resuming also re-enables a disabled one.</summary>
    public async Task<SubscriptionView?> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var row = await Rows.SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        row.Status = active ? SubscriptionStatus.Active : SubscriptionStatus.Paused;
        row.StatusReason = null;
        row.UpdatedAt = Ticks(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (active)
        {
            signal.Set();
        }

        return View(row);
    }

    /// <summary>Deletes a subscription, its deliveries and their attempts.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var sql = new StoreSql(db);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await sql.ExecuteAsync(
            """DELETE FROM "WebhookAttempts" WHERE "DeliveryId" IN (SELECT "Id" FROM "WebhookDeliveries" WHERE "SubscriptionId" = @id)""",
            cancellationToken, ("@id", sql.Key(id))).ConfigureAwait(false);
        await sql.ExecuteAsync("""DELETE FROM "WebhookDeliveries" WHERE "SubscriptionId" = @id""", cancellationToken, ("@id", sql.Key(id))).ConfigureAwait(false);
        var deleted = await sql.ExecuteAsync("""DELETE FROM "WebhookSubscriptions" WHERE "Id" = @id""", cancellationToken, ("@id", sql.Key(id))).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    public async Task<IReadOnlyList<DeliveryView>?> DeliveriesAsync(Guid subscriptionId, string? status, int page, int pageSize, CancellationToken cancellationToken)
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

    public async Task<DeliveryView?> DeliveryAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var row = await db.Set<WebhookDeliveryRow>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var attempts = await db.Set<WebhookAttemptRow>().AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Attempt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Delivery(row, attempts.Select(a => new AttemptView(a.Attempt, At(a.At), a.StatusCode, a.LatencyMs, a.Excerpt, a.Succeeded)).ToList());
    }

    /// <summary>Sends one delivery again (whatever its status), with a fresh retry window.</summary>
    public async Task<bool> ReplayAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var sql = new StoreSql(db);
        var now = Ticks(time.GetUtcNow());
        var changed = await sql.ExecuteAsync(
            """UPDATE "WebhookDeliveries" SET "Status" = 'Pending', "NextAttemptAt" = @now, "CreatedAt" = @now, "CompletedAt" = NULL WHERE "Id" = @id""",
            cancellationToken, ("@now", now), ("@id", sql.Key(deliveryId))).ConfigureAwait(false);
        signal.Set();
        return changed > 0;
    }

    /// <summary>Sends again every delivery of a subscription whose event occurred in [from, to); null when the subscription is unknown.</summary>
    public async Task<int?> ReplayRangeAsync(Guid subscriptionId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!await Rows.AnyAsync(r => r.Id == subscriptionId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var sql = new StoreSql(db);
        var now = Ticks(time.GetUtcNow());
        var changed = await sql.ExecuteAsync(
            """
            UPDATE "WebhookDeliveries" SET "Status" = 'Pending', "NextAttemptAt" = @now, "CreatedAt" = @now, "CompletedAt" = NULL
            WHERE "SubscriptionId" = @id AND "OccurredAt" >= @from AND "OccurredAt" < @to
            """,
            cancellationToken, ("@now", now), ("@id", sql.Key(subscriptionId)), ("@from", Ticks(from)), ("@to", Ticks(to))).ConfigureAwait(false);
        signal.Set();
        return changed;
    }

    private static SubscriptionView View(WebhookSubscriptionRow r) =>
        new(r.Id, r.Url, SubscriptionFilter.Patterns(r.EventTypes), r.Department, r.Jurisdiction, r.DefinitionId, r.Description, r.Status,
            r.StatusReason, r.CreatedBy, At(r.CreatedAt), At(r.UpdatedAt));

    private static DeliveryView Delivery(WebhookDeliveryRow r, IReadOnlyList<AttemptView>? attempts) =>
        new(r.Id, r.EventId, r.SubscriptionId, r.CaseId, r.EventType, r.Status, r.Attempts, At(r.OccurredAt),
            r.Status == SubscriptionStatus.Pending ? At(r.NextAttemptAt) : null, r.CompletedAt is { } c ? At(c) : null, r.LastStatusCode, attempts);

    private static DateTimeOffset At(long ticks) => DateTimeOffset.UnixEpoch.AddTicks(ticks);

    private static long Ticks(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks;
}
