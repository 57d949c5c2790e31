namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Requests per minute each caller may make, bound from <c>Security:RateLimits</c>; 0 turns a limit off.</summary>
internal sealed class RateLimitSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:RateLimits";

    /// <summary>Per authenticated caller (its API key's system or its token's <c>sub</c>).</summary>
    /// <value>Default: 600 a minute.</value>
    public int PerCallerPerMinute { get; set; } = 600;

    /// <summary>Per client IP address for anonymous requests (health, definitions, reference data…).</summary>
    /// <value>Default: 120 a minute.</value>
    public int AnonymousPerMinute { get; set; } = 120;

    /// <summary>Per client IP address on the sign-in endpoints (<c>/api/auth/*</c>), against password guessing.</summary>
    /// <value>Default: 10 a minute.</value>
    public int SignInPerMinute { get; set; } = 10;
}
