using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// The default scheme's choice per request, once every scheme is registered:
/// <list type="number">
/// <item><c>Authorization: Bearer …</c>: the organisation's provider (<see cref="PeopleSchemes.Oidc"/>) when one is
/// configured and the token's <c>iss</c> is not this host's, otherwise this host's bearer scheme;</item>
/// <item>an <c>X-Api-Key</c> header: the API-key scheme;</item>
/// <item>the console's session cookie: <see cref="PeopleSchemes.Cookie"/>;</item>
/// <item>nothing: the API-key scheme (its challenge asks for a key or a token).</item>
/// </list>
/// A request never falls from one credential to another: the first one present decides.
/// </summary>
internal sealed class PeopleSchemeSelector(IOptions<AuthenticationOptions> authentication, IOptions<OidcOptions> oidc, IOptions<JwtPeopleTokenOptions> jwt)
    : IPostConfigureOptions<PolicySchemeOptions>
{
    /// <summary>The API-key scheme's header.</summary>
    private const string ApiKeyHeader = "X-Api-Key";

    public void PostConfigure(string? name, PolicySchemeOptions options)
    {
        if (!string.Equals(name, JwtPeopleTokens.DefaultScheme, StringComparison.Ordinal))
        {
            return;
        }

        var schemes = authentication.Value.SchemeMap;
        var apiKey = schemes.ContainsKey(JwtPeopleTokens.ApiKeyScheme) ? JwtPeopleTokens.ApiKeyScheme : JwtPeopleTokens.BearerScheme;
        var provider = oidc.Value.Enabled && schemes.ContainsKey(PeopleSchemes.Oidc);
        var ownIssuer = jwt.Value.EffectiveIssuer;
        options.ForwardDefaultSelector = context =>
        {
            var request = context.Request;
            if (BearerToken(request) is { } token)
            {
                return provider && !string.Equals(IssuerOf(token), ownIssuer, StringComparison.Ordinal) ? PeopleSchemes.Oidc : JwtPeopleTokens.BearerScheme;
            }

            if (request.Headers.ContainsKey(ApiKeyHeader))
            {
                return apiKey;
            }

            return request.Cookies.ContainsKey(PeopleSchemes.CookieName) ? PeopleSchemes.Cookie : apiKey;
        };
    }

    private static string? BearerToken(HttpRequest request)
    {
        foreach (var value in request.Headers.Authorization)
        {
            if (value is not null && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return value["Bearer ".Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>The unvalidated <c>iss</c> of a JWT, only to pick the scheme that validates it; null when it cannot be read.</summary>
    private static string? IssuerOf(string token)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null; // malformed: the bearer scheme refuses it with a 401 ProblemDetails
        }
    }
}
