using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// The console's cookie session: HttpOnly, Secure whenever the request is HTTPS, SameSite=Strict, sliding expiry on the
/// host's clock; no redirects (an API answers 401 or 403 ProblemDetails); the account's stamp re-checked on each request.
/// </summary>
internal sealed class CookieSessionSetup(IOptions<AccountOptions> accounts, TimeProvider time) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (!string.Equals(name, PeopleSchemes.Cookie, StringComparison.Ordinal))
        {
            return;
        }

        options.TimeProvider = time;
        options.Cookie.Name = PeopleSchemes.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = accounts.Value.SessionIdleTimeout;
        options.SlidingExpiration = true;
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = async context =>
            {
                if (!await AccountSessions.StandsAsync(context.Principal, context.HttpContext.RequestServices, context.HttpContext.RequestAborted).ConfigureAwait(false))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(PeopleSchemes.Cookie).ConfigureAwait(false);
                }
            },
            OnRedirectToLogin = context => IdentityProblems.UnauthorizedAsync(context.HttpContext, "The session has ended or is missing: sign in again (POST /api/auth/login)."),
            OnRedirectToAccessDenied = context => IdentityProblems.ForbiddenAsync(context.HttpContext, "The signed-in account may not do this."),
            OnRedirectToLogout = context =>
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            },
        };
    }
}
