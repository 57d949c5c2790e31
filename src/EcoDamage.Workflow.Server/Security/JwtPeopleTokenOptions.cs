namespace EcoDamage.Workflow.Server.Security;

/// <summary>
/// Configuration section <c>Security:Jwt</c>: the HS256 bearer tokens that people's sign-in service issues.
/// No signing key is committed for production; supply <c>Security__Jwt__SigningKey</c> from the deployment's
/// secret store. Without a key every bearer token is rejected (systems still authenticate with API keys).
/// </summary>
public sealed class JwtPeopleTokenOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:Jwt";

    /// <summary>The smallest HS256 key accepted, in bytes (256 bits).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The expected <c>iss</c> claim.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected <c>aud</c> claim.</summary>
    public string? Audience { get; set; }

    /// <summary>The shared HS256 secret (UTF-8, at least <see cref="MinimumKeyBytes"/> bytes).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Tolerated clock difference between the issuer and this host.</summary>
    /// <value>Default: one minute.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether a signing key is configured (bearer tokens can be accepted at all).</summary>
    public bool Enabled => !string.IsNullOrEmpty(SigningKey);
}
