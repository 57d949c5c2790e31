using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>Checks <see cref="WebhookOptions"/> at start; every problem is listed at once.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Webhooks:Timeout must be positive and at most 5 minutes");
        }

        if (options.RetryWindow <= TimeSpan.Zero || options.InitialRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.InitialRetryDelay
            || options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add("Webhooks:RetryWindow, InitialRetryDelay and PollInterval must be positive and MaxRetryDelay at least InitialRetryDelay");
        }

        if (options.MaxConcurrency is < 1 or > 1000)
        {
            problems.Add("Webhooks:MaxConcurrency must be between 1 and 1000");
        }

        if (string.IsNullOrWhiteSpace(options.Source))
        {
            problems.Add("Webhooks:Source is required");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
