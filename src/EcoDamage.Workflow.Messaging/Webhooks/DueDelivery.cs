namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>A delivery claimed for one attempt.</summary>
internal sealed record DueDelivery(Guid Id, Guid EventId, Guid SubscriptionId, string Url, string Secret, string Body, int Attempts, long CreatedAt);
