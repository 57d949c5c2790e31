namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>One delivery row to write for a claimed event.</summary>
/// <param name="SubscriptionId">The subscription it goes to.</param>
/// <param name="EventType">The versioned event type (<c>ecodamage.case.opened.v1</c>).</param>
/// <param name="Body">The exact body sent on every attempt.</param>
public sealed record PlannedDelivery(Guid SubscriptionId, string EventType, string Body);
