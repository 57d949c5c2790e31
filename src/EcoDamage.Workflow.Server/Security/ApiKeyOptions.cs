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
}
