using Microsoft.AspNetCore.Authentication;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>The API keys of the embedding systems, bound from <c>Security:ApiKeys</c>.</summary>
internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:ApiKeys";

    /// <summary>The keys by system name (e.g. <c>lawEnforcement</c>, <c>court</c>).</summary>
    /// <value>Empty by default: no system can call until keys are configured.</value>
    public Dictionary<string, ApiKeyEntry> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Every configuration problem, each naming the key entry.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, entry) in Keys)
        {
            if (string.IsNullOrWhiteSpace(entry.Key))
            {
                problems.Add($"{SectionName}:{name}:Key is required");
            }

            if (string.IsNullOrWhiteSpace(entry.System))
            {
                problems.Add($"{SectionName}:{name}:System is required");
            }

            if (string.IsNullOrWhiteSpace(entry.Role))
            {
                problems.Add($"{SectionName}:{name}:Role is required");
            }
        }

        problems.AddRange(Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value.Key))
            .GroupBy(k => k.Value.Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{SectionName}: {string.Join(", ", g.Select(k => k.Key))} share one key"));
        return problems;
    }
}
