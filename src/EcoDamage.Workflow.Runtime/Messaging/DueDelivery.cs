namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>A delivery claimed for one attempt.</summary>
/// <param name="Id">The delivery.</param>
/// <param name="EventId">The event (the <c>webhook-id</c>).</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Url">The subscription's target.</param>
/// <param name="Secret">The subscription's signing secret.</param>
/// <param name="Body">The body to send.</param>
/// <param name="Attempts">Attempts made before this one.</param>
/// <param name="CreatedAt">When the delivery was created (or last replayed): the retry window starts here.</param>
public sealed record DueDelivery(Guid Id, Guid EventId, Guid SubscriptionId, string Url, string Secret, string Body, int Attempts, DateTimeOffset CreatedAt);
