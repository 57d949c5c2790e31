using EcoDamage.Workflow.Server.Security;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>Reports every <see cref="OidcOptions"/> problem at once, before the host serves.</summary>
internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    private const string Prefix = OidcOptions.SectionName + ":";

    private static readonly string[] Ours = [CallerClaims.Subject, CallerClaims.Role, CallerClaims.Department, CallerClaims.Jurisdiction, CallerClaims.Party];

    /// <summary>Lists every problem, each naming the setting; none when no authority is set.</summary>
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            problems.Add($"{Prefix}Authority: an absolute http(s) URL");
        }
        else if (options.RequireHttpsMetadata && authority.Scheme != "https")
        {
            problems.Add($"{Prefix}Authority: must be https while RequireHttpsMetadata is true");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            problems.Add($"{Prefix}Audience: required when an authority is set");
        }

        if (options.ClockSkew < TimeSpan.Zero)
        {
            problems.Add($"{Prefix}ClockSkew: must not be negative");
        }

        foreach (var (ours, theirs) in options.ClaimMap)
        {
            if (!Ours.Contains(ours, StringComparer.Ordinal))
            {
                problems.Add($"{Prefix}ClaimMap:{ours}: not one of {string.Join(", ", Ours)}");
            }
            else if (string.IsNullOrWhiteSpace(theirs))
            {
                problems.Add($"{Prefix}ClaimMap:{ours}: names no claim");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
