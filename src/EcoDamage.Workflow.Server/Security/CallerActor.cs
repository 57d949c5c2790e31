using System.Security.Claims;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>The one place an endpoint turns the authenticated caller into the engine's <see cref="Actor"/>.</summary>
internal static class CallerActor
{
    /// <summary>The actor from the <see cref="CallerClaims"/> of <paramref name="user"/>.</summary>
    /// <exception cref="InvalidOperationException">The caller is not authenticated or lacks a subject or role (the endpoint is missing <c>RequireAuthorization</c>: a bug).</exception>
    public static Actor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirstValue(CallerClaims.Subject);
        var role = user.FindFirstValue(CallerClaims.Role);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(role))
        {
            throw new InvalidOperationException("The caller has no subject and role; the endpoint must require authorization.");
        }

        return new Actor(subject, role, user.FindFirstValue(CallerClaims.Department));
    }
}
