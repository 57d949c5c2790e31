using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Deadlines;

/// <summary>Checks <see cref="DeadlineExtensionOptions"/> when the host starts, every problem listed.</summary>
internal sealed class DeadlineExtensionOptionsValidator : IValidateOptions<DeadlineExtensionOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadlineExtensionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.ApproverRoles is { } roles && roles.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{DeadlineExtensionOptions.SectionName}:ApproverRoles must not hold an empty role");
        }

        if (options.MaxExtensionPeriod is null)
        {
            problems.Add($"{DeadlineExtensionOptions.SectionName}:MaxExtension must be a positive ISO 8601 date period of at most 100 years (P1Y, P6M, P90D); got '{options.MaxExtension}'");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
