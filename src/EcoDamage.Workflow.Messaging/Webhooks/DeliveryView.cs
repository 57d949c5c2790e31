namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>A delivery and its attempts (the delivery log).</summary>
/// <param name="Id">The delivery id.</param>
/// <param name="EventId">The event id (the <c>webhook-id</c>).</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="CaseId">The case.</param>
/// <param name="EventType">The versioned event type.</param>
/// <param name="Status"><c>Pending</c>, <c>Succeeded</c> or <c>Failed</c>.</param>
/// <param name="AttemptCount">Attempts made.</param>
/// <param name="OccurredAt">When the event occurred.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending only).</param>
/// <param name="CompletedAt">When it succeeded or was given up.</param>
/// <param name="LastStatusCode">The last HTTP status received.</param>
/// <param name="Attempts">The attempts, oldest first (only when one delivery is read).</param>
public sealed record DeliveryView(
    Guid Id, Guid EventId, Guid SubscriptionId, string CaseId, string EventType, string Status, int AttemptCount, DateTimeOffset OccurredAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? CompletedAt, int? LastStatusCode, IReadOnlyList<AttemptView>? Attempts);

