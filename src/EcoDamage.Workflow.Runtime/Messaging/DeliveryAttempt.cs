namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>One finished attempt and the delivery's state after it.</summary>
/// <param name="DeliveryId">The delivery.</param>
/// <param name="SubscriptionId">Its subscription.</param>
/// <param name="Attempt">The attempt's number (1, 2, …).</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The HTTP status, or null when no response came.</param>
/// <param name="LatencyMs">Milliseconds until the response (or the failure).</param>
/// <param name="Excerpt">The start of the response body, or the error.</param>
/// <param name="Succeeded">Whether the receiver accepted it.</param>
/// <param name="Status">The delivery's new status (<see cref="WebhookStatus.Pending"/>, <see cref="WebhookStatus.Succeeded"/> or <see cref="WebhookStatus.Failed"/>).</param>
/// <param name="NextAttemptAt">When a pending delivery is due again.</param>
/// <param name="DisableReason">When not null, the subscription is disabled with this reason.</param>
public sealed record DeliveryAttempt(
    Guid DeliveryId, Guid SubscriptionId, int Attempt, DateTimeOffset At, int? StatusCode, long LatencyMs, string? Excerpt, bool Succeeded,
    string Status, DateTimeOffset NextAttemptAt, string? DisableReason);
