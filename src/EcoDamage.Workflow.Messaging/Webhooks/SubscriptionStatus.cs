namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>The states of a subscription and a delivery, as stored.</summary>
internal static class SubscriptionStatus
{
    /// <summary>Receives and is sent events.</summary>
    public const string Active = "Active";

    /// <summary>Receives events (deliveries are queued) but nothing is sent until resumed.</summary>
    public const string Paused = "Paused";

    /// <summary>Disabled after persistent failure: receives no new events, sends nothing until resumed.</summary>
    public const string Disabled = "Disabled";

    /// <summary>A delivery still to be sent (or in flight).</summary>
    public const string Pending = "Pending";

    /// <summary>A delivery the receiver accepted (2xx).</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>A delivery given up after the retry window.</summary>
    public const string Failed = "Failed";
}
