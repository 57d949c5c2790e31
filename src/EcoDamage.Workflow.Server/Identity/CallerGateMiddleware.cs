using System.Security.Claims;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// Runs after authentication, before authorization, for every request with an authenticated caller (any scheme):
/// <list type="number">
/// <item>an empty or missing <c>sub</c> or <c>role</c> → 401 ProblemDetails (it used to reach the endpoints and fail with 500);</item>
/// <item>an unsafe request of a cookie session without a valid antiforgery token (<see cref="PeopleSchemes.AntiforgeryHeader"/>)
/// → 400 ProblemDetails; bearer and API-key requests need none (a browser does not add them on its own);</item>
/// <item>a role <c>roles.yaml</c> does not declare → 403, and an account that must change its password → 403, except
/// on <see cref="OpenToEveryCaller"/> (who am I, change my password, antiforgery token, sign out).</item>
/// </list>
/// </summary>
internal sealed class CallerGateMiddleware(RequestDelegate next)
{
    /// <summary>The paths a caller with an undeclared role, or one that must change its password, may still use.</summary>
    private static readonly string[] OpenToEveryCaller = ["/api/whoami", "/api/auth/password", "/api/auth/antiforgery", "/api/auth/logout"];

    /// <summary>Sign-in endpoints take credentials in their body; a stale cookie beside them needs no antiforgery token.</summary>
    private static readonly string[] SignIn = ["/api/auth/login", "/api/auth/token"];

    public async Task InvokeAsync(HttpContext context, DefinitionCatalog definitions, IAntiforgery antiforgery)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var subject = user.FindFirstValue(CallerClaims.Subject);
        var role = user.FindFirstValue(CallerClaims.Role);
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(role))
        {
            await IdentityProblems.UnauthorizedAsync(context, "The credentials name no subject (sub) or no role: they cannot identify a caller.").ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path;
        if (IsCookieSession(user) && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method)
            && !Matches(path, SignIn) && !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await IdentityProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
                $"A change made with the console's session cookie must carry the {PeopleSchemes.AntiforgeryHeader} header from GET /api/auth/antiforgery.").ConfigureAwait(false);
            return;
        }

        if (!Matches(path, OpenToEveryCaller))
        {
            if (!definitions.Catalog.Roles.Contains(role))
            {
                await IdentityProblems.ForbiddenAsync(context, $"The role '{role}' is not declared in roles.yaml: it may do nothing.").ConfigureAwait(false);
                return;
            }

            if (user.HasClaim(PeopleClaims.MustChangePassword, "true"))
            {
                await IdentityProblems.ForbiddenAsync(context, "The password must be changed first (POST /api/auth/password).").ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsCookieSession(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && string.Equals(i.AuthenticationType, PeopleSchemes.Cookie, StringComparison.Ordinal));

    private static bool Matches(PathString path, string[] paths) =>
        paths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
