namespace EcoDamage.Workflow.Storage.HookSecrets;

/// <summary>An accepted signed inbound message, remembered until its timestamp window ends (Unix ticks, UTC).</summary>
internal sealed class InboundReplayRow
{
    public required string System { get; set; }

    public required string MessageId { get; set; }

    /// <summary>The <c>webhook-timestamp</c>, Unix seconds.</summary>
    public long Timestamp { get; set; }

    public long ExpiresAt { get; set; }
}
