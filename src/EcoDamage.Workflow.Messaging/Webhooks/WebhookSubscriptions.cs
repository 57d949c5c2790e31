using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Runtime.Messaging;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Subscriptions and their deliveries as the API offers them: create, read, update, pause, resume, delete, the delivery
/// log and replays. Validates input (every problem by field name), keeps secrets out of every answer but the creation's
/// (and encrypted at rest, <see cref="WebhookSecrets"/>), and wakes the delivery worker when a resume or a replay makes
/// deliveries due. Each subscription has an owner (its creator's subject) and the owner's read scope: a caller sees and
/// manages only its own (an administrator all of them; another's answers as unknown), and a filter beyond the caller's
/// cases is forbidden (<see cref="SubscriptionScope"/>). Registered (scoped) by
/// <c>AddWebhooks</c>; the rows live behind <see cref="IWebhookSubscriptionStore"/>.
/// </summary>
public sealed class WebhookSubscriptions
{
    private readonly IWebhookSubscriptionStore _store;
    private readonly WebhookOptions _options;
    private readonly DeliverySignal _signal;
    private readonly TimeProvider _time;
    private readonly IDeclaredEventNames _declared;
    private readonly WebhookSecrets _secrets;

    internal WebhookSubscriptions(
        IWebhookSubscriptionStore store, IOptions<WebhookOptions> options, DeliverySignal signal, TimeProvider time, IDeclaredEventNames declared, WebhookSecrets secrets)
    {
        _secrets = secrets;
        _store = store;
        _options = options.Value;
        _signal = signal;
        _time = time;
        _declared = declared;
    }

    /// <summary>Creates a subscription owned by <paramref name="caller"/> (active; a secret is generated when none is given).</summary>
    /// <param name="input">The caller's values.</param>
    /// <param name="caller">The caller: the owner, whose read scope the subscription keeps.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription with its secret (the only answer that shows it), or the problems, or why it is forbidden.</returns>
    public async Task<SubscriptionChange> CreateAsync(SubscriptionInput input, WebhookCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(caller);
        var errors = await SubscriptionValidator.ValidateAsync(input, _options, _declared.Names, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new SubscriptionChange(null, errors);
        }

        if (SubscriptionScope.Beyond(input, caller) is { } forbidden)
        {
            return new SubscriptionChange(null, errors, forbidden);
        }

        var now = _time.GetUtcNow();
        var secret = input.Secret ?? StandardWebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(
            Guid.CreateVersion7(now), input.Url!, input.EventTypes!.Distinct(StringComparer.Ordinal).ToList(), input.Department, input.Jurisdiction,
            input.DefinitionId, input.Description, _secrets.Seal(secret), WebhookStatus.Active, null, caller.Subject, now, now)
        {
            Scope = caller.StampedScope,
        };
        await _store.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        return new SubscriptionChange(View(subscription) with { Secret = secret }, errors);
    }

    /// <summary>The subscriptions <paramref name="caller"/> manages (its own; an administrator's: all), oldest first, without secrets.</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscriptions.</returns>
    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(WebhookCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (await _store.ListAsync(cancellationToken).ConfigureAwait(false)).Where(s => caller.Manages(s.CreatedBy)).Select(View).ToList();
    }

    /// <summary>One subscription, without its secret.</summary>
    /// <param name="id">The id.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription, or null when unknown or not the caller's.</returns>
    public async Task<SubscriptionView?> GetAsync(Guid id, WebhookCaller caller, CancellationToken cancellationToken) =>
        await OwnedAsync(id, caller, cancellationToken).ConfigureAwait(false) is { } s ? View(s) : null;

    /// <summary>Replaces a subscription's target, patterns, filters and description (and secret when given).</summary>
    /// <param name="id">The id.</param>
    /// <param name="input">The caller's values.</param>
    /// <param name="caller">The caller; when it is the owner, the subscription takes its current read scope.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription; or the problems; or why it is forbidden; or <see cref="SubscriptionChange.NotFound"/>.</returns>
    public async Task<SubscriptionChange> UpdateAsync(Guid id, SubscriptionInput input, WebhookCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(caller);
        if (await OwnedAsync(id, caller, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return new SubscriptionChange(null, []);
        }

        var errors = await SubscriptionValidator.ValidateAsync(input, _options, _declared.Names, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new SubscriptionChange(null, errors);
        }

        if (SubscriptionScope.Beyond(input, caller) is { } forbidden)
        {
            return new SubscriptionChange(null, errors, forbidden);
        }

        var changed = current with
        {
            Url = input.Url!,
            EventTypes = input.EventTypes!.Distinct(StringComparer.Ordinal).ToList(),
            Department = input.Department,
            Jurisdiction = input.Jurisdiction,
            DefinitionId = input.DefinitionId,
            Description = input.Description,
            Secret = input.Secret is { } secret ? _secrets.Seal(secret) : current.Secret,
            UpdatedAt = _time.GetUtcNow(),
            Scope = SubscriptionScope.After(caller, current.CreatedBy, current.Scope),
        };
        return new SubscriptionChange(await _store.UpdateAsync(changed, cancellationToken).ConfigureAwait(false) is { } stored ? View(stored) : null, errors);
    }

    /// <summary>Pauses (<paramref name="active"/> false) or resumes a subscription; resuming also re-enables a disabled one.</summary>
    /// <param name="id">The id.</param>
    /// <param name="active">Resume (true) or pause.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription, or null when unknown or not the caller's.</returns>
    public async Task<SubscriptionView?> SetActiveAsync(Guid id, bool active, WebhookCaller caller, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(id, caller, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var stored = await _store.SetStatusAsync(id, active ? WebhookStatus.Active : WebhookStatus.Paused, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (stored is not null && active)
        {
            _signal.Set();
        }

        return stored is null ? null : View(stored);
    }

    /// <summary>Deletes a subscription, its deliveries and their attempts.</summary>
    /// <param name="id">The id.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>False when unknown or not the caller's.</returns>
    public async Task<bool> DeleteAsync(Guid id, WebhookCaller caller, CancellationToken cancellationToken) =>
        await OwnedAsync(id, caller, cancellationToken).ConfigureAwait(false) is not null && await _store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);

    /// <summary>A page of a subscription's deliveries, newest event first.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="status">Only this delivery status, or all.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Page size.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The deliveries, or null when the subscription is unknown or not the caller's.</returns>
    public async Task<IReadOnlyList<DeliveryView>?> DeliveriesAsync(Guid subscriptionId, string? status, int page, int pageSize, WebhookCaller caller, CancellationToken cancellationToken) =>
        await OwnedAsync(subscriptionId, caller, cancellationToken).ConfigureAwait(false) is not null
        && await _store.DeliveriesAsync(subscriptionId, status, page, pageSize, cancellationToken).ConfigureAwait(false) is { } list
            ? list.Select(Delivery).ToList()
            : null;

    /// <summary>One delivery with its attempt log.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The delivery, or null when unknown or of a subscription not the caller's.</returns>
    public async Task<DeliveryView?> DeliveryAsync(Guid deliveryId, WebhookCaller caller, CancellationToken cancellationToken) =>
        await _store.DeliveryAsync(deliveryId, cancellationToken).ConfigureAwait(false) is { } d
        && await OwnedAsync(d.SubscriptionId, caller, cancellationToken).ConfigureAwait(false) is not null
            ? Delivery(d)
            : null;

    /// <summary>Sends one delivery again (whatever its status), with a fresh retry window.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>False when unknown or of a subscription not the caller's.</returns>
    public async Task<bool> ReplayAsync(Guid deliveryId, WebhookCaller caller, CancellationToken cancellationToken)
    {
        if (await _store.DeliveryAsync(deliveryId, cancellationToken).ConfigureAwait(false) is not { } d
            || await OwnedAsync(d.SubscriptionId, caller, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var changed = await _store.ReplayAsync(deliveryId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _signal.Set();
        return changed;
    }

    /// <summary>Sends again every delivery of a subscription whose event occurred in [from, to).</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="from">Start (inclusive).</param>
    /// <param name="to">End (exclusive).</param>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many were queued, or null when the subscription is unknown or not the caller's.</returns>
    public async Task<int?> ReplayRangeAsync(Guid subscriptionId, DateTimeOffset from, DateTimeOffset to, WebhookCaller caller, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(subscriptionId, caller, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var changed = await _store.ReplayRangeAsync(subscriptionId, from, to, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            _signal.Set();
        }

        return changed;
    }

    private async Task<WebhookSubscription?> OwnedAsync(Guid id, WebhookCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } s && caller.Manages(s.CreatedBy) ? s : null;
    }

    private static SubscriptionView View(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventTypes, s.Department, s.Jurisdiction, s.DefinitionId, s.Description, s.Status, s.StatusReason, s.CreatedBy, s.CreatedAt, s.UpdatedAt);

    private static DeliveryView Delivery(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.SubscriptionId, d.CaseId, d.EventType, d.Status, d.Attempts, d.OccurredAt,
            d.Status == WebhookStatus.Pending ? d.NextAttemptAt : null, d.CompletedAt,
            d.LastStatusCode, d.Log?.Select(a => new AttemptView(a.Attempt, a.At, a.StatusCode, a.LatencyMs, a.Excerpt, a.Succeeded)).ToList());
}
