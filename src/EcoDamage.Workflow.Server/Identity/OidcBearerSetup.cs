using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// Configures the <see cref="PeopleSchemes.Oidc"/> bearer handler: keys and issuer from the provider's discovery
/// document, the configured audience, lifetime on the host's clock, asymmetric signatures only, and the claim mapping.
/// </summary>
internal sealed class OidcBearerSetup(IOptions<OidcOptions> oidc, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (!string.Equals(name, PeopleSchemes.Oidc, StringComparison.Ordinal))
        {
            return;
        }

        var o = oidc.Value;
        options.TimeProvider = time;
        options.Authority = o.Authority;
        options.Audience = o.Audience;
        options.RequireHttpsMetadata = o.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = o.Audience,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = o.ClockSkew,
            // A provider signs with its private key; a token "signed" with a shared secret or not at all is refused.
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384],
            LifetimeValidator = (notBefore, expires, _, parameters) => WithinLifetime(notBefore, expires, parameters),
            NameClaimType = CallerClaims.Subject,
            RoleClaimType = CallerClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = OidcClaimMapper.Map(context.Principal!, o);
                return Task.CompletedTask;
            },
            OnChallenge = JwtProblems.WriteChallengeAsync,
        };
    }

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + parameters.ClockSkew)
            && exp.ToUniversalTime() >= now - parameters.ClockSkew;
    }
}
