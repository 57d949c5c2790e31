namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>
/// Decides, inside a dispatcher's claim, which deliveries each claimed event gets: the messaging adapter names the event
/// and matches it against the subscriptions; the store writes what it returns in the same transaction.
/// </summary>
public interface IOutboxFanOut
{
    /// <summary>Called once per claimed row, in id order.</summary>
    /// <param name="entry">The claimed row.</param>
    /// <param name="routing">The case's filter columns, or null when no subscription exists or the case is not in the store.</param>
    /// <param name="subscriptions">The subscriptions that still receive events (possibly none).</param>
    /// <returns>The deliveries to write (possibly none).</returns>
    IReadOnlyList<PlannedDelivery> Plan(OutboxEntry entry, CaseRouting? routing, IReadOnlyList<SubscriptionRoute> subscriptions);
}
