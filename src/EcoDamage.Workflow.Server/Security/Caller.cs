using System.Security.Claims;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>An authenticated caller as the access checks see it: who, in which role, for which department and jurisdiction.</summary>
/// <param name="Subject">The actor id (a person's account or a system's name).</param>
/// <param name="Role">The workflow role (an id of <c>workflows/roles.yaml</c>).</param>
/// <param name="Department">The caller's department (an id of the reference data), or null.</param>
/// <param name="Jurisdiction">The caller's jurisdiction (an id of the reference data), or null.</param>
/// <param name="Party">The party id the caller acts as (an obligor, a participant's account), or null.</param>
internal sealed record Caller(string Subject, string Role, string? Department, string? Jurisdiction, string? Party)
{
    /// <summary>The caller of <paramref name="user"/>, or null when it is not authenticated or lacks a subject or role.</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirstValue(CallerClaims.Subject);
        var role = user.FindFirstValue(CallerClaims.Role);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(role))
        {
            return null;
        }

        return new Caller(
            subject,
            role,
            NonEmpty(user.FindFirstValue(CallerClaims.Department)),
            NonEmpty(user.FindFirstValue(CallerClaims.Jurisdiction)),
            NonEmpty(user.FindFirstValue(CallerClaims.Party)));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
