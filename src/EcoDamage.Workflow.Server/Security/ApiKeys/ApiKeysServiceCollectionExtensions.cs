namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>Registers managed API keys: the authenticator the <c>X-Api-Key</c> handler uses, its cache and the request validator.</summary>
internal static class ApiKeysServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ApiKeyAuthenticator"/>, <see cref="ApiKeyCache"/> and <see cref="ApiKeyRequestValidator"/> (the stores come with the storage).</summary>
    public static IServiceCollection AddManagedApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeyRequestValidator>();
        return services;
    }
}
