namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>
/// Published on the bus when delivery to a webhook subscription failed persistently (a delivery exhausted its
/// retry window) and the subscription was disabled; an operator resumes it through the API.
/// </summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Url">Its target URL.</param>
/// <param name="Reason">Why (the last attempt's outcome).</param>
/// <param name="At">When it was disabled.</param>
public sealed record SubscriptionDisabled(Guid SubscriptionId, string Url, string Reason, DateTimeOffset At);
