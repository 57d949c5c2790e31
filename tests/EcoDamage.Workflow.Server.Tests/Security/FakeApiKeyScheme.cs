using System.Security.Claims;
using System.Text.Encodings.Web;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Tests.Security;

/// <summary>
/// A stand-in for the real <c>ApiKey</c> scheme, added only when the host has none (before the API-key
/// branch is merged), reading the same <c>Security:ApiKeys:&lt;name&gt;</c> settings and producing the same claims.
/// </summary>
internal static class FakeApiKeyScheme
{
    public static IServiceCollection AddFakeApiKeySchemeIfMissing(this IServiceCollection services)
    {
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            if (!o.SchemeMap.ContainsKey(JwtPeopleTokens.ApiKeyScheme))
            {
                o.AddScheme<Handler>(JwtPeopleTokens.ApiKeyScheme, "Fake API key (tests)");
            }
        });
        return services;
    }

    private sealed class Handler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        IConfiguration configuration)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var presented = Request.Headers["X-Api-Key"].ToString();
            if (presented.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var match = configuration.GetSection("Security:ApiKeys").GetChildren()
                .FirstOrDefault(k => string.Equals(k["Key"], presented, StringComparison.Ordinal));
            if (match is null)
            {
                return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
            }

            var claims = new List<Claim>
            {
                new(JwtPeopleTokens.SubjectClaim, match["System"] ?? match.Key),
                new(JwtPeopleTokens.RoleClaim, match["Role"] ?? "system"),
            };
            if (match["Department"] is { } department)
            {
                claims.Add(new Claim(JwtPeopleTokens.DepartmentClaim, department));
            }

            var identity = new ClaimsIdentity(claims, Scheme.Name, JwtPeopleTokens.SubjectClaim, JwtPeopleTokens.RoleClaim);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}
