using System.Security.Claims;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>The one place an endpoint turns the authenticated caller into the engine's <see cref="Actor"/>.</summary>
internal static class CallerActor
{
    /// <summary>The actor of <paramref name="user"/>, read as <see cref="Caller.From"/> reads every caller.</summary>
    /// <exception cref="InvalidOperationException">The caller is not authenticated or lacks a subject or role (the endpoint is missing <c>RequireAuthorization</c>: a bug).</exception>
    public static Actor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var caller = Caller.From(user)
            ?? throw new InvalidOperationException("The caller has no subject and role; the endpoint must require authorization.");
        return new Actor(caller.Subject, caller.Role, caller.Department) { Party = caller.Party };
    }

    /// <summary>
    /// The actor of <paramref name="http"/>'s caller, acting as the party its <c>party</c> claim names or, without one,
    /// the party the <c>X-Party</c> header names (triggers declaring <c>asParty</c> check it against the case).
    /// </summary>
    /// <exception cref="InvalidOperationException">The caller is not authenticated (see <see cref="From(ClaimsPrincipal)"/>).</exception>
    public static Actor From(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var actor = From(http.User);
        var header = http.Request.Headers[CallerClaims.PartyHeader].ToString();
        return actor.Party is null && header.Length > 0 ? actor with { Party = header } : actor;
    }
}
