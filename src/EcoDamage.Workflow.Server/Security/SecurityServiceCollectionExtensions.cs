using Microsoft.AspNetCore.Authorization;
using EcoDamage.Workflow.Server.Security.ApiKeys;
using EcoDamage.Workflow.Storage.DataProtection;
using Microsoft.AspNetCore.DataProtection;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>Caller identification: the API-key scheme and a default policy that requires an authenticated caller.</summary>
internal static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="ApiKeyAuthenticationHandler"/> scheme (keys bound from <c>Security:ApiKeys</c>) and
    /// authorization whose default policy requires a caller. A key entry without key, system or role, or two
    /// entries sharing a key, stop the host at start-up with every problem listed.
    /// </summary>
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);

        // The section's children are the key entries themselves (Security:ApiKeys:court:Key), so they bind to Keys.
        var section = configuration.GetSection(ApiKeyOptions.SectionName);
        services.AddOptions<ApiKeyOptions>(ApiKeyAuthenticationHandler.SchemeName)
            .Configure(o => section.Bind(o.Keys))
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddManagedApiKeys();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(CallerClaims.Role).Build());
        // Stored secrets (webhook and inbound hook secrets) are encrypted with Data Protection.
        services.AddDataProtection().SetApplicationName("EcoDamage.Workflow")
            .PersistKeysToWorkflowStorage(); // every node shares the key ring kept in the store
        services.AddSingleton<Runtime.Security.ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }
}
