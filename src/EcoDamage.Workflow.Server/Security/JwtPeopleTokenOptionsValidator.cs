using System.Text;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>Reports every <see cref="JwtPeopleTokenOptions"/> problem at once, before the host serves.</summary>
internal sealed class JwtPeopleTokenOptionsValidator : IValidateOptions<JwtPeopleTokenOptions>
{
    private const string Prefix = JwtPeopleTokenOptions.SectionName + ":";

    /// <summary>Lists every problem, each naming the setting (<c>Security:Jwt:Issuer: required when a signing key is set</c>); none without a key.</summary>
    public ValidateOptionsResult Validate(string? name, JwtPeopleTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (Encoding.UTF8.GetByteCount(options.SigningKey!) < JwtPeopleTokenOptions.MinimumKeyBytes)
        {
            problems.Add($"{Prefix}SigningKey: an HS256 key needs at least {JwtPeopleTokenOptions.MinimumKeyBytes} bytes");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            problems.Add($"{Prefix}Issuer: required when a signing key is set");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            problems.Add($"{Prefix}Audience: required when a signing key is set");
        }

        if (options.ClockSkew < TimeSpan.Zero)
        {
            problems.Add($"{Prefix}ClockSkew: must not be negative");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
