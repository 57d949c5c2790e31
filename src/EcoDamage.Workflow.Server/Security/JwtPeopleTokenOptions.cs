namespace EcoDamage.Workflow.Server.Security;

/// <summary>
/// Configuration section <c>Security:Jwt</c>: the HS256 bearer tokens this host issues to people (<c>POST /api/auth/token</c>)
/// and accepts. No signing key is committed for production: supply <c>Security__Jwt__SigningKey</c> from the deployment's
/// secret store, or leave it out and the host generates one and keeps it protected in the database.
/// </summary>
public sealed class JwtPeopleTokenOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:Jwt";

    /// <summary>The issuer and audience when none is configured.</summary>
    public const string DefaultName = "ecodamage-workflow";

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

    /// <summary>
    /// Whether a signing key is configured. Without one the host signs and verifies its own tokens with a key it
    /// generates once and keeps protected in the database (<c>Identity/HostSigningKey</c>).
    /// </summary>
    public bool Enabled => !string.IsNullOrEmpty(SigningKey);

    /// <summary>The issuer of the tokens this host issues and accepts: <see cref="Issuer"/>, or <c>ecodamage-workflow</c>.</summary>
    public string EffectiveIssuer => string.IsNullOrWhiteSpace(Issuer) ? DefaultName : Issuer;

    /// <summary>The audience of the tokens this host issues and accepts: <see cref="Audience"/>, or <c>ecodamage-workflow</c>.</summary>
    public string EffectiveAudience => string.IsNullOrWhiteSpace(Audience) ? DefaultName : Audience;

}
