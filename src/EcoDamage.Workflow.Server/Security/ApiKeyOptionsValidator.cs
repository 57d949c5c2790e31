using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>Reports every API-key configuration problem at once, before the host serves.</summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    /// <summary>Lists every problem, each naming the key entry (<c>Security:ApiKeys:court:Role is required</c>).</summary>
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (keyName, entry) in options.Keys)
        {
            if (string.IsNullOrWhiteSpace(entry.Key) == string.IsNullOrWhiteSpace(entry.KeyHash))
            {
                problems.Add($"{ApiKeyOptions.SectionName}:{keyName}:Key is required (or KeyHash instead, not both)");
            }
            else if (!string.IsNullOrWhiteSpace(entry.KeyHash) && ApiKeys.ApiKeyAuthenticator.HashOf(entry) is null)
            {
                problems.Add($"{ApiKeyOptions.SectionName}:{keyName}:KeyHash must be the 64 hex digits of a SHA-256");
            }

            if (string.IsNullOrWhiteSpace(entry.System))
            {
                problems.Add($"{ApiKeyOptions.SectionName}:{keyName}:System is required");
            }

            if (string.IsNullOrWhiteSpace(entry.Role))
            {
                problems.Add($"{ApiKeyOptions.SectionName}:{keyName}:Role is required");
            }
        }

        problems.AddRange(options.Keys.Where(k => ApiKeys.ApiKeyAuthenticator.HashOf(k.Value) is not null)
            .GroupBy(k => Convert.ToHexString(ApiKeys.ApiKeyAuthenticator.HashOf(k.Value)!), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{ApiKeyOptions.SectionName}: {string.Join(", ", g.Select(k => k.Key))} share one key"));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
