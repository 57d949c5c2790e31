namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>Claims outbox rows and writes their webhook deliveries where they are claimed.</summary>
public interface IOutboxDispatcher
{
    /// <summary>
    /// In ONE transaction: claims up to <paramref name="limit"/> undispatched outbox rows (oldest id first; on a
    /// multi-node store a row is claimed by one node only), marks them dispatched, and inserts one delivery row per
    /// delivery <paramref name="fanOut"/> plans for each (unique per event and subscription). A row is dispatched once:
    /// claimed twice, it creates its deliveries once.
    /// </summary>
    /// <param name="limit">The most rows to claim.</param>
    /// <param name="fanOut">Plans each claimed row's deliveries (called in id order inside the transaction).</param>
    /// <param name="cancellationToken">Cancels the work (the transaction rolls back).</param>
    /// <returns>The claimed rows in id order and how many deliveries were written.</returns>
    Task<OutboxDispatch> DispatchAsync(int limit, IOutboxFanOut fanOut, CancellationToken cancellationToken = default);
}
