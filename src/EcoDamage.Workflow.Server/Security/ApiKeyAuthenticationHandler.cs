using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>
/// Authenticates an embedding system by its <c>X-Api-Key</c> header, producing the claims every scheme
/// produces (<see cref="CallerClaims"/>). A missing or unknown key is answered with a 401 ProblemDetails.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(values[0]!);
        foreach (var entry in Options.Keys.Values)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(entry.Key)))
            {
                var claims = new List<Claim> { new(CallerClaims.Subject, entry.System), new(CallerClaims.Role, entry.Role) };
                if (!string.IsNullOrWhiteSpace(entry.Department))
                {
                    claims.Add(new Claim(CallerClaims.Department, entry.Department));
                }

                if (!string.IsNullOrWhiteSpace(entry.Jurisdiction))
                {
                    claims.Add(new Claim(CallerClaims.Jurisdiction, entry.Jurisdiction));
                }

                if (!string.IsNullOrWhiteSpace(entry.Party))
                {
                    claims.Add(new Claim(CallerClaims.Party, entry.Party));
                }

                var identity = new ClaimsIdentity(claims, SchemeName, CallerClaims.Subject, CallerClaims.Role);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        var detail = Request.Headers.ContainsKey(HeaderName)
            ? $"The {HeaderName} header does not name a known key."
            : $"Send an {HeaderName} header (or a bearer token).";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                Detail = detail,
            },
        }).ConfigureAwait(false);
    }
}
