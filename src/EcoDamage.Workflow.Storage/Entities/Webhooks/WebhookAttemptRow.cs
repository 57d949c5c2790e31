namespace EcoDamage.Workflow.Storage.Entities.Webhooks;

/// <summary>One delivery attempt: the delivery log.</summary>
internal sealed class WebhookAttemptRow
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Attempt { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long At { get; set; }

    /// <summary>The HTTP status, or null when no response came (refused, timeout, blocked target).</summary>
    public int? StatusCode { get; set; }

    public long LatencyMs { get; set; }

    /// <summary>The first characters of the response body, or the error.</summary>
    public string? Excerpt { get; set; }

    public bool Succeeded { get; set; }
}
