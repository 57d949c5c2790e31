using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Runtime.Messaging;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Subscriptions and their deliveries as the API offers them: create, read, update, pause, resume, delete, the delivery
/// log and replays. Validates input (every problem by field name), keeps secrets out of every answer but the creation's,
/// and wakes the delivery worker when a resume or a replay makes deliveries due. Registered (scoped) by
/// <c>AddWebhooks</c>; the rows live behind <see cref="IWebhookSubscriptionStore"/>.
/// </summary>
public sealed class WebhookSubscriptions
{
    private readonly IWebhookSubscriptionStore _store;
    private readonly WebhookOptions _options;
    private readonly DeliverySignal _signal;
    private readonly TimeProvider _time;
    private readonly IDeclaredEventNames _declared;

    internal WebhookSubscriptions(IWebhookSubscriptionStore store, IOptions<WebhookOptions> options, DeliverySignal signal, TimeProvider time, IDeclaredEventNames declared)
    {
        _store = store;
        _options = options.Value;
        _signal = signal;
        _time = time;
        _declared = declared;
    }

    /// <summary>Creates a subscription (active; a secret is generated when none is given).</summary>
    /// <param name="input">The caller's values.</param>
    /// <param name="createdBy">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription with its secret, or null and the problems by field name.</returns>
    public async Task<(SubscriptionView? View, Dictionary<string, string[]> Errors)> CreateAsync(SubscriptionInput input, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = await SubscriptionValidator.ValidateAsync(input, _options, _declared.Names, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = _time.GetUtcNow();
        var subscription = new WebhookSubscription(
            Guid.CreateVersion7(now), input.Url!, input.EventTypes!.Distinct(StringComparer.Ordinal).ToList(), input.Department, input.Jurisdiction,
            input.DefinitionId, input.Description, input.Secret ?? StandardWebhookSignature.NewSecret(), WebhookStatus.Active, null, createdBy, now, now);
        await _store.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        return (View(subscription) with { Secret = subscription.Secret }, errors);
    }

    /// <summary>Every subscription, oldest first, without secrets.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscriptions.</returns>
    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(CancellationToken cancellationToken) =>
        (await _store.ListAsync(cancellationToken).ConfigureAwait(false)).Select(View).ToList();

    /// <summary>One subscription, without its secret.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription, or null when unknown.</returns>
    public async Task<SubscriptionView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } s ? View(s) : null;

    /// <summary>Replaces a subscription's target, patterns, filters and description (and secret when given).</summary>
    /// <param name="id">The id.</param>
    /// <param name="input">The caller's values.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription; or null with the problems; or null and no problems when unknown.</returns>
    public async Task<(SubscriptionView? View, Dictionary<string, string[]> Errors)> UpdateAsync(Guid id, SubscriptionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return (null, []);
        }

        var errors = await SubscriptionValidator.ValidateAsync(input, _options, _declared.Names, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var changed = current with
        {
            Url = input.Url!,
            EventTypes = input.EventTypes!.Distinct(StringComparer.Ordinal).ToList(),
            Department = input.Department,
            Jurisdiction = input.Jurisdiction,
            DefinitionId = input.DefinitionId,
            Description = input.Description,
            Secret = input.Secret ?? current.Secret,
            UpdatedAt = _time.GetUtcNow(),
        };
        return await _store.UpdateAsync(changed, cancellationToken).ConfigureAwait(false) is { } stored ? (View(stored), errors) : (null, []);
    }

    /// <summary>Pauses (<paramref name="active"/> false) or resumes a subscription; resuming also re-enables a disabled one.</summary>
    /// <param name="id">The id.</param>
    /// <param name="active">Resume (true) or pause.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription, or null when unknown.</returns>
    public async Task<SubscriptionView?> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var stored = await _store.SetStatusAsync(id, active ? WebhookStatus.Active : WebhookStatus.Paused, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (stored is not null && active)
        {
            _signal.Set();
        }

        return stored is null ? null : View(stored);
    }

    /// <summary>Deletes a subscription, its deliveries and their attempts.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>False when unknown.</returns>
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) => _store.DeleteAsync(id, cancellationToken);

    /// <summary>A page of a subscription's deliveries, newest event first.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="status">Only this delivery status, or all.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Page size.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The deliveries, or null when the subscription is unknown.</returns>
    public async Task<IReadOnlyList<DeliveryView>?> DeliveriesAsync(Guid subscriptionId, string? status, int page, int pageSize, CancellationToken cancellationToken) =>
        await _store.DeliveriesAsync(subscriptionId, status, page, pageSize, cancellationToken).ConfigureAwait(false) is { } list
            ? list.Select(Delivery).ToList()
            : null;

    /// <summary>One delivery with its attempt log.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The delivery, or null when unknown.</returns>
    public async Task<DeliveryView?> DeliveryAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await _store.DeliveryAsync(deliveryId, cancellationToken).ConfigureAwait(false) is { } d ? Delivery(d) : null;

    /// <summary>Sends one delivery again (whatever its status), with a fresh retry window.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>False when unknown.</returns>
    public async Task<bool> ReplayAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var changed = await _store.ReplayAsync(deliveryId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _signal.Set();
        return changed;
    }

    /// <summary>Sends again every delivery of a subscription whose event occurred in [from, to).</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="from">Start (inclusive).</param>
    /// <param name="to">End (exclusive).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many were queued, or null when the subscription is unknown.</returns>
    public async Task<int?> ReplayRangeAsync(Guid subscriptionId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var changed = await _store.ReplayRangeAsync(subscriptionId, from, to, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            _signal.Set();
        }

        return changed;
    }

    private static SubscriptionView View(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventTypes, s.Department, s.Jurisdiction, s.DefinitionId, s.Description, s.Status, s.StatusReason, s.CreatedBy, s.CreatedAt, s.UpdatedAt);

    private static DeliveryView Delivery(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.SubscriptionId, d.CaseId, d.EventType, d.Status, d.Attempts, d.OccurredAt,
            d.Status == WebhookStatus.Pending ? d.NextAttemptAt : null, d.CompletedAt,
            d.LastStatusCode, d.Log?.Select(a => new AttemptView(a.Attempt, a.At, a.StatusCode, a.LatencyMs, a.Excerpt, a.Succeeded)).ToList());
}
