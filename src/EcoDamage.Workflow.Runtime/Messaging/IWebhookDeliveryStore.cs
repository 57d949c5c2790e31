namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>The delivery queue of outbound webhooks.</summary>
public interface IWebhookDeliveryStore
{
    /// <summary>
    /// In one transaction: writes <paramref name="finished"/> attempts to the log with each delivery's new state (and
    /// disables the subscriptions given up), then claims up to <paramref name="limit"/> due deliveries: pending, due at
    /// <paramref name="now"/>, of an active subscription, and the head of their (subscription, case) queue — no earlier
    /// event of that case is still pending for the subscription, and no earlier event of the case is still undispatched in
    /// the outbox — so a case's events reach a subscriber in order. The claim moves each one's next attempt to
    /// <paramref name="leaseEnd"/> (on a multi-node store one node claims a delivery); a node that dies mid-attempt leaves
    /// it due again when the lease ends.
    /// </summary>
    /// <param name="finished">Attempts to record (possibly none).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="leaseEnd">Until when the claimed deliveries are held.</param>
    /// <param name="limit">The most deliveries to claim (0: only record).</param>
    /// <param name="cancellationToken">Cancels the work (nothing is written).</param>
    /// <returns>The claimed deliveries, oldest event first.</returns>
    Task<IReadOnlyList<DueDelivery>> RecordAndClaimAsync(
        IReadOnlyList<DeliveryAttempt> finished, DateTimeOffset now, DateTimeOffset leaseEnd, int limit, CancellationToken cancellationToken = default);
}
