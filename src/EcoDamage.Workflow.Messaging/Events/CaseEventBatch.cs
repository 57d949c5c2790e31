namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>
/// What the outbox relay publishes on the bus: the events of one claimed batch of outbox rows, in id order. One bus
/// message per batch rather than per event keeps the bus's per-message cost (envelope, serialization, pipeline,
/// consumer scope) off each of the thousands of events a deadline burst writes; consumers handle the events one by one
/// and are idempotent on each <see cref="CaseEvent.EventId"/>.
/// </summary>
/// <param name="Events">The events, oldest first (never empty).</param>
public sealed record CaseEventBatch(IReadOnlyList<CaseEvent> Events);
