namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>A stored delivery, with its attempt log when one delivery is read.</summary>
/// <param name="Id">The delivery id.</param>
/// <param name="EventId">The event id.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="CaseId">The case.</param>
/// <param name="EventType">The versioned event type.</param>
/// <param name="Status">A delivery <see cref="WebhookStatus"/>.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="OccurredAt">When the event occurred.</param>
/// <param name="NextAttemptAt">When the next attempt is due (or the lease of the attempt in flight ends).</param>
/// <param name="CompletedAt">When it succeeded or was given up.</param>
/// <param name="LastStatusCode">The last HTTP status received.</param>
/// <param name="Log">The attempts, oldest first (only when one delivery is read).</param>
public sealed record WebhookDelivery(
    Guid Id, Guid EventId, Guid SubscriptionId, string CaseId, string EventType, string Status, int Attempts, DateTimeOffset OccurredAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? CompletedAt, int? LastStatusCode, IReadOnlyList<WebhookAttempt>? Log);
