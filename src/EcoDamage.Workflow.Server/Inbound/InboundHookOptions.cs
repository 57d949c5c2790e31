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

    /// <summary>Every configuration problem, each naming the setting.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Tolerance <= TimeSpan.Zero || Tolerance > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:Tolerance must be more than zero and at most one hour");
        }

        foreach (var (name, system) in Systems)
        {
            var prefix = $"{SectionName}:Systems:{name}";
            if (string.IsNullOrWhiteSpace(system.Secret))
            {
                problems.Add($"{prefix}:Secret is required");
            }
            else if (!StandardWebhookSignature.TryDecodeSecret(system.Secret, out _))
            {
                problems.Add($"{prefix}:Secret must be '{StandardWebhookSignature.SecretPrefix}' followed by the base64 of "
                    + $"{StandardWebhookSignature.MinKeyBytes} to {StandardWebhookSignature.MaxKeyBytes} random bytes");
            }

            if (string.IsNullOrWhiteSpace(system.System))
            {
                problems.Add($"{prefix}:System is required");
            }

            if (string.IsNullOrWhiteSpace(system.Role))
            {
                problems.Add($"{prefix}:Role is required");
            }
        }

        problems.AddRange(Systems.Where(s => !string.IsNullOrWhiteSpace(s.Value.Secret))
            .GroupBy(s => s.Value.Secret, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{SectionName}:Systems: {string.Join(", ", g.Select(s => s.Key))} share one secret"));
        return problems;
    }
}
