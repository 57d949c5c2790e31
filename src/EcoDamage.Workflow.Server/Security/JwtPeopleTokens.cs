using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>
/// People's bearer tokens beside systems' API keys. Schemes:
/// <list type="bullet">
/// <item><see cref="BearerScheme"/>: HS256 JWTs this host issues (<c>POST /api/auth/token</c>) or an issuer sharing
/// <c>Security:Jwt:SigningKey</c>, claims kept as issued (no inbound mapping); a token of a built-in account stands
/// only while the account's security stamp is unchanged.</item>
/// <item><see cref="ApiKeyScheme"/>: the <c>X-Api-Key</c> handler, registered elsewhere under this name.</item>
/// <item><see cref="DefaultScheme"/>: the default policy scheme; its selector (<c>Identity/PeopleSchemeSelector</c>)
/// forwards to the bearer scheme, the organisation's OpenID Connect provider, the API key or the console's cookie.</item>
/// </list>
/// Both handlers produce the same claim types, <see cref="SubjectClaim"/>, <see cref="RoleClaim"/> and
/// <see cref="DepartmentClaim"/>, so endpoints read the actor without knowing how the caller signed in.
/// </summary>
public static class JwtPeopleTokens
{
    /// <summary>The bearer-token scheme.</summary>
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The API-key scheme's name (the handler itself lives with the API-key code).</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The default policy scheme choosing between the two.</summary>
    public const string DefaultScheme = "BearerOrApiKey";

    /// <summary>The actor id claim.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The workflow role claim (an id from <c>workflows/roles.yaml</c>).</summary>
    public const string RoleClaim = "role";

    /// <summary>The department claim.</summary>
    public const string DepartmentClaim = "department";

    /// <summary>
    /// Registers authentication with <see cref="DefaultScheme"/> as the default, the <see cref="BearerScheme"/>
    /// handler configured from <paramref name="configuration"/> (the <c>Security:Jwt</c> section) and validated
    /// at start-up, and authorization. Call it after the API-key scheme is added so that the default stays the
    /// policy scheme.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (its <c>Security:Jwt</c> section is bound).</param>
    /// <returns>The authentication builder, to add further schemes.</returns>
    public static AuthenticationBuilder AddWorkflowPeopleTokens(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JwtPeopleTokenOptions>()
            .Bind(configuration.GetSection(JwtPeopleTokenOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtPeopleTokenOptions>, JwtPeopleTokenOptionsValidator>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthorization();

        var builder = services.AddAuthentication(o =>
        {
            o.DefaultScheme = DefaultScheme;
            o.DefaultAuthenticateScheme = DefaultScheme;
            o.DefaultChallengeScheme = DefaultScheme;
            o.DefaultForbidScheme = DefaultScheme;
        });
        builder.AddJwtBearer(BearerScheme, _ => { });
        builder.AddPolicyScheme(DefaultScheme, "Bearer token or API key", _ => { });
        return builder;
    }

    /// <summary>Configures the bearer handler from the options and the injected clock.</summary>
    private sealed class JwtBearerSetup(IOptions<JwtPeopleTokenOptions> tokens, TimeProvider time, Identity.HostSigningKey signingKey) : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, JwtBearerOptions options)
        {
            if (!string.Equals(name, BearerScheme, StringComparison.Ordinal))
            {
                return;
            }

            var o = tokens.Value;
            options.TimeProvider = time;
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = false;
            options.IncludeErrorDetails = true;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = o.EffectiveIssuer,
                ValidateAudience = true,
                ValidAudience = o.EffectiveAudience,
                ValidateIssuerSigningKey = true,
                // The settings' key or the one generated and kept in the database, loaded before validation (OnMessageReceived).
                IssuerSigningKeyResolver = (_, _, _, _) => signingKey.Current is { } key ? [key] : [],
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                ClockSkew = o.ClockSkew,
                LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(time, notBefore, expires, parameters),
                NameClaimType = SubjectClaim,
                RoleClaimType = RoleClaim,
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = async context => await signingKey.EnsureAsync(context.HttpContext.RequestAborted).ConfigureAwait(false),
                OnTokenValidated = async context =>
                {
                    // A token this host issued to an account stands only while the account's stamp is unchanged.
                    if (!await Identity.AccountSessions.StandsAsync(context.Principal, context.HttpContext.RequestServices, context.HttpContext.RequestAborted).ConfigureAwait(false))
                    {
                        context.Fail("the account's session has ended");
                    }
                },
                OnChallenge = JwtProblems.WriteChallengeAsync,
            };
        }

        /// <summary>Lifetime against the injected clock, not the wall clock (tests move a fake one).</summary>
        private static bool IsWithinLifetime(TimeProvider time, DateTime? notBefore, DateTime? expires, TokenValidationParameters parameters)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (expires is null)
            {
                return !parameters.RequireExpirationTime;
            }

            if (notBefore is { } nbf && nbf.ToUniversalTime() > now + parameters.ClockSkew)
            {
                return false;
            }

            return expires.Value.ToUniversalTime() >= now - parameters.ClockSkew;
        }
    }
}
