namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>The headers every response carries (errors and early rejections included).</summary>
internal static class SecurityHeaders
{
    /// <summary>No inline script, nothing from elsewhere, no framing, no plugins.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>The API reference page (<c>/scalar</c>) runs its own inline bootstrap script, so it keeps every rule but that one.</summary>
    public const string ReferencePagePolicy = "default-src 'self' https:; script-src 'self' 'unsafe-inline' https:; style-src 'self' 'unsafe-inline' https:; frame-ancestors 'none'; object-src 'none'";

    /// <summary>Sets the headers on the response of <paramref name="context"/> unless an endpoint already chose its own.</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var policy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ReferencePagePolicy : ContentSecurityPolicy;
        headers.TryAdd("Content-Security-Policy", policy);
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
    }
}
