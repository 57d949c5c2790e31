using Microsoft.AspNetCore.Authorization;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>The policy of the administration endpoints (users, API keys, hook secrets): an authenticated caller in the <c>administrator</c> role; anyone else gets 403.</summary>
internal static class AdministratorPolicy
{
    /// <summary>The role of <c>roles.yaml</c> that manages keys and secrets.</summary>
    public const string Role = "administrator";

    /// <summary>The policy.</summary>
    public static AuthorizationPolicy Policy { get; } =
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(CallerClaims.Subject).RequireClaim(CallerClaims.Role, Role).Build();

    /// <summary>The administrator's subject (the actor recorded with a change).</summary>
    public static string Actor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.FindFirst(CallerClaims.Subject)?.Value ?? string.Empty;
    }

    /// <summary>The caller's remote address, when known.</summary>
    public static string? FromIp(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString();
    }
}
