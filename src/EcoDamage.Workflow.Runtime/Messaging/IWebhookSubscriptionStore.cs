namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>Webhook subscriptions and their delivery log. Input is validated by the caller; the store only stores.</summary>
public interface IWebhookSubscriptionStore
{
    /// <summary>Stores a new subscription.</summary>
    /// <param name="subscription">The subscription.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task AddAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Every subscription, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscriptions.</returns>
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One subscription.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The subscription, or null when unknown.</returns>
    Task<WebhookSubscription?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a subscription's target, patterns, filters, description and secret (status and creation are kept).</summary>
    /// <param name="subscription">The new values (by <see cref="WebhookSubscription.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored subscription, or null when unknown.</returns>
    Task<WebhookSubscription?> UpdateAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Sets a subscription's status and clears its status reason.</summary>
    /// <param name="id">The id.</param>
    /// <param name="status">A subscription <see cref="WebhookStatus"/>.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored subscription, or null when unknown.</returns>
    Task<WebhookSubscription?> SetStatusAsync(Guid id, string status, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Deletes a subscription, its deliveries and their attempts.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>False when unknown.</returns>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A page of a subscription's deliveries, newest event first (without attempts).</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="status">Only deliveries with this status, or all.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Page size.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The deliveries, or null when the subscription is unknown.</returns>
    Task<IReadOnlyList<WebhookDelivery>?> DeliveriesAsync(Guid subscriptionId, string? status, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>One delivery with its attempts.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The delivery, or null when unknown.</returns>
    Task<WebhookDelivery?> DeliveryAsync(Guid deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Makes one delivery pending again (whatever its status), due at <paramref name="at"/> with a fresh retry window.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="at">Now.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>False when unknown.</returns>
    Task<bool> ReplayAsync(Guid deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Makes pending again every delivery of a subscription whose event occurred in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="from">Start (inclusive).</param>
    /// <param name="to">End (exclusive).</param>
    /// <param name="at">Now.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many were queued, or null when the subscription is unknown.</returns>
    Task<int?> ReplayRangeAsync(Guid subscriptionId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset at, CancellationToken cancellationToken = default);
}
