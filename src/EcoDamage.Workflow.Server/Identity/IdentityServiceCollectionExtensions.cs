using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>People's identity: the built-in account store, sign-in, the console's cookie session, OpenID Connect.</summary>
internal static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the built-in accounts (<c>Security:Accounts</c>), the cookie scheme, the organisation's OpenID Connect bearer
    /// scheme when <c>Security:Oidc:Authority</c> is set, antiforgery, the administrator policies and the default
    /// scheme's selector. Call it after <c>AddWorkflowPeopleTokens</c>.
    /// </summary>
    public static IServiceCollection AddPeopleIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();

        services.AddHttpContextAccessor();
        services.AddSingleton<Argon2PasswordHasher>();
        services.AddSingleton<HostSigningKey>();
        services.AddSingleton<PeopleTokenIssuer>();
        services.AddSingleton<AccountValidation>();
        services.AddScoped<SecurityEventRecorder>();
        services.AddScoped<SignInService>();
        services.AddScoped<PasswordChanges>();
        services.AddScoped<AccountAdministration>();
        services.AddHostedService<IdentityBootstrap>();

        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, CookieSessionSetup>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, OidcBearerSetup>();
        services.AddSingleton<IPostConfigureOptions<PolicySchemeOptions>, PeopleSchemeSelector>();
        var authentication = services.AddAuthentication().AddCookie(PeopleSchemes.Cookie, _ => { });
        if (configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() is { Enabled: true })
        {
            authentication.AddJwtBearer(PeopleSchemes.Oidc, _ => { });
        }

        services.AddAntiforgery(o =>
        {
            o.HeaderName = PeopleSchemes.AntiforgeryHeader;
            o.Cookie.Name = PeopleSchemes.AntiforgeryCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminUsersApi.SecurityReaderPolicy, p => p.RequireAuthenticatedUser().RequireClaim(CallerClaims.Role, AdministratorPolicy.Role, "auditor"));
        return services;
    }

    /// <summary>The caller gate (<see cref="CallerGateMiddleware"/>); between <c>UseAuthentication</c> and <c>UseAuthorization</c>.</summary>
    public static IApplicationBuilder UseCallerGate(this IApplicationBuilder app) => app.UseMiddleware<CallerGateMiddleware>();

    /// <summary>Maps the sign-in endpoints and the administrator's account API.</summary>
    public static IEndpointRouteBuilder MapIdentityApis(this IEndpointRouteBuilder app) => app.MapAuthApi().MapAdminUsersApi();
}
