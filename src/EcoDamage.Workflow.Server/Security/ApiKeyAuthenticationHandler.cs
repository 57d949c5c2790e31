using System.Security.Claims;
using System.Text.Encodings.Web;
using EcoDamage.Workflow.Server.Security.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>
/// Authenticates an embedding system by its <c>X-Api-Key</c> header, producing the claims every scheme
/// produces (<see cref="CallerClaims"/>): a configured key of <c>Security:ApiKeys</c> or a managed key
/// (<see cref="ApiKeyAuthenticator"/>). A missing, unknown, expired, revoked or rotated-out key is answered with a 401 ProblemDetails.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IProblemDetailsService problems,
    ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim naming the managed key a caller used (absent for a configured key).</summary>
    public const string KeyIdClaim = "api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        if (await authenticator.AuthenticateAsync(values[0]!, Context.RequestAborted).ConfigureAwait(false) is not { } entry)
        {
            return AuthenticateResult.Fail("unknown API key");
        }

        var claims = new List<Claim> { new(CallerClaims.Subject, entry.System), new(CallerClaims.Role, entry.Role) };
        if (entry.Department is not null)
        {
            claims.Add(new Claim(CallerClaims.Department, entry.Department));
        }

        if (entry.Jurisdiction is not null)
        {
            claims.Add(new Claim(CallerClaims.Jurisdiction, entry.Jurisdiction));
        }

        if (entry.Party is not null)
        {
            claims.Add(new Claim(CallerClaims.Party, entry.Party));
        }

        if (entry.KeyId is not null)
        {
            claims.Add(new Claim(KeyIdClaim, entry.KeyId));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, CallerClaims.Subject, CallerClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        var detail = Request.Headers.ContainsKey(HeaderName)
            ? $"The {HeaderName} header does not name a known, valid key (unknown, expired, revoked or rotated out)."
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
