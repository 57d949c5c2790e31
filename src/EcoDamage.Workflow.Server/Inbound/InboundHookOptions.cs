using EcoDamage.Workflow.Messaging.Webhooks;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>The systems that may post inbound hooks, bound from <c>Hooks:Inbound</c>.</summary>
internal sealed class InboundHookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hooks:Inbound";

    /// <summary>The systems by the name used in the hook's path (<c>/api/hooks/{name}/…</c>).</summary>
    /// <value>Empty by default: every inbound hook is refused until systems are configured.</value>
    public Dictionary<string, InboundHookSystem> Systems { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How far a hook's <c>webhook-timestamp</c> may lie from the host's clock, either way.</summary>
    /// <value>Five minutes.</value>
    public TimeSpan Tolerance { get; set; } = StandardWebhookSignature.DefaultTolerance;
}
