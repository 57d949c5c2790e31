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
            if (string.IsNullOrWhiteSpace(entry.Key))
            {
                problems.Add($"{ApiKeyOptions.SectionName}:{keyName}:Key is required");
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

        problems.AddRange(options.Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value.Key))
            .GroupBy(k => k.Value.Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{ApiKeyOptions.SectionName}: {string.Join(", ", g.Select(k => k.Key))} share one key"));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
