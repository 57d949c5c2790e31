namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// The organisation's OpenID Connect identity provider, bound from <c>Security:Oidc</c>: people's bearer tokens it
/// issues are accepted (signature keys and issuer from its discovery document) and their claims mapped to ours.
/// </summary>
internal sealed class OidcOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:Oidc";

    /// <summary>The provider's issuer URL (its <c>/.well-known/openid-configuration</c> is read); none: OIDC is off.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> its tokens must carry for this service.</summary>
    public string? Audience { get; set; }

    /// <summary>Whether the discovery document must be fetched over HTTPS.</summary>
    /// <value>Default: true. Only a test or a development provider turns it off.</value>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference between the provider and this host.</summary>
    /// <value>Default: one minute.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Which of the provider's claims carries each of ours (<c>sub</c>, <c>role</c>, <c>department</c>, <c>jurisdiction</c>, <c>party</c>).</summary>
    /// <value>By default each of ours is read from the claim of the same name.</value>
    public Dictionary<string, string> ClaimMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether a provider is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
