using EcoDamage.Workflow.Messaging.Webhooks;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>Reports every inbound-hook configuration problem at once, before the host serves.</summary>
internal sealed class InboundHookOptionsValidator : IValidateOptions<InboundHookOptions>
{
    /// <summary>Lists every problem, each naming the setting (<c>Hooks:Inbound:Systems:court:Secret is required</c>).</summary>
    public ValidateOptionsResult Validate(string? name, InboundHookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Tolerance <= TimeSpan.Zero || options.Tolerance > TimeSpan.FromHours(1))
        {
            problems.Add($"{InboundHookOptions.SectionName}:Tolerance must be more than zero and at most one hour");
        }

        foreach (var (systemName, system) in options.Systems)
        {
            var prefix = $"{InboundHookOptions.SectionName}:Systems:{systemName}";
            if (string.IsNullOrWhiteSpace(system.Secret))
            {
                problems.Add($"{prefix}:Secret is required");
            }
            else if (!StandardWebhookSignature.TryDecodeSecret(system.Secret, out _))
            {
                problems.Add($"{prefix}:Secret must be '{StandardWebhookSignature.SecretPrefix}' followed by the base64 of "
                    + $"{StandardWebhookSignature.MinKeyBytes} to {StandardWebhookSignature.MaxKeyBytes} random bytes");
            }

            for (var i = 0; i < system.Secrets.Count; i++)
            {
                if (!StandardWebhookSignature.TryDecodeSecret(system.Secrets[i], out _))
                {
                    problems.Add($"{prefix}:Secrets:{i} must be '{StandardWebhookSignature.SecretPrefix}' followed by the base64 of "
                        + $"{StandardWebhookSignature.MinKeyBytes} to {StandardWebhookSignature.MaxKeyBytes} random bytes");
                }
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

        problems.AddRange(options.Systems.Where(s => !string.IsNullOrWhiteSpace(s.Value.Secret))
            .GroupBy(s => s.Value.Secret, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{InboundHookOptions.SectionName}:Systems: {string.Join(", ", g.Select(s => s.Key))} share one secret"));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
