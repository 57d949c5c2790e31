namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>What one dispatch claimed and wrote.</summary>
/// <param name="Events">The claimed rows, in id order (empty when the outbox had none).</param>
/// <param name="DeliveriesCreated">How many delivery rows were inserted.</param>
public sealed record OutboxDispatch(IReadOnlyList<OutboxEntry> Events, int DeliveriesCreated);
