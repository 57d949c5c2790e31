namespace EcoDamage.Workflow.Storage.Entities.Webhooks;

/// <summary>One event to deliver to one subscription; unique per (event, subscription).</summary>
internal sealed class WebhookDeliveryRow
{
    public Guid Id { get; set; }

    /// <summary>The outbox message id: the event id and the <c>webhook-id</c> header.</summary>
    public Guid EventId { get; set; }

    public Guid SubscriptionId { get; set; }

    public required string CaseId { get; set; }

    public required string EventType { get; set; }

    /// <summary>The exact JSON body sent on every attempt.</summary>
    public required string Body { get; set; }

    /// <summary><c>Pending</c>, <c>Succeeded</c> or <c>Failed</c> (given up).</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Unix ticks (100 ns): when the next attempt is due (or the lease of the attempt in flight ends).</summary>
    public long NextAttemptAt { get; set; }

    /// <summary>Unix ticks: when the event occurred.</summary>
    public long OccurredAt { get; set; }

    /// <summary>Unix ticks: when the delivery was created; retries stop after the configured window from here.</summary>
    public long CreatedAt { get; set; }

    public long? CompletedAt { get; set; }

    public int? LastStatusCode { get; set; }
}
