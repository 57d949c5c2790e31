namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>The states of a webhook subscription and of a delivery, as stored.</summary>
public static class WebhookStatus
{
    /// <summary>A subscription that receives and is sent events.</summary>
    public const string Active = "Active";

    /// <summary>A subscription that receives events (deliveries are queued) but is sent nothing until resumed.</summary>
    public const string Paused = "Paused";

    /// <summary>A subscription disabled after persistent failure: receives no new events, is sent nothing until resumed.</summary>
    public const string Disabled = "Disabled";

    /// <summary>A delivery still to be sent (or in flight).</summary>
    public const string Pending = "Pending";

    /// <summary>A delivery the receiver accepted (2xx).</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>A delivery given up after the retry window.</summary>
    public const string Failed = "Failed";
}
