namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The authentication schemes for people besides the host's own bearer tokens.</summary>
internal static class PeopleSchemes
{
    /// <summary>The web console's cookie session.</summary>
    public const string Cookie = "Cookie";

    /// <summary>Bearer tokens of the organisation's OpenID Connect provider.</summary>
    public const string Oidc = "Oidc";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "ecodamage.session";

    /// <summary>The antiforgery cookie's name.</summary>
    public const string AntiforgeryCookieName = "ecodamage.antiforgery";

    /// <summary>The header an unsafe request of a cookie session carries its antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
}
