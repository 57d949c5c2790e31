namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>
/// Version 1 of the message the outbox relay publishes on the bus for every outbox row: one domain event of
/// one case. Consumers are idempotent on <see cref="EventId"/> (the outbox row's id); a relay that crashed
/// between publishing and recording may publish the same event again.
/// </summary>
/// <param name="EventId">The outbox row's id (UUIDv7): the event id, the webhook id and the deduplication key.</param>
/// <param name="Name">The event name (<see cref="EventNames"/>), e.g. <c>case.opened</c>.</param>
/// <param name="Type">The versioned event type, e.g. <c>ecodamage.case.opened.v1</c>.</param>
/// <param name="OutboxType">The outbox row's type (<c>case.actionRequested</c>, …).</param>
/// <param name="CaseId">The case (the CloudEvents <c>subject</c>).</param>
/// <param name="OccurredAt">When the change was committed.</param>
/// <param name="Data">The outbox payload (JSON object), sent as the envelope's <c>data</c>.</param>
public sealed record CaseEvent(Guid EventId, string Name, string Type, string OutboxType, string CaseId, DateTimeOffset OccurredAt, string Data);
