using Microsoft.Extensions.DependencyInjection.Extensions;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>The definitions adapter: options, the catalog loaded at start-up, its readiness check.</summary>
internal static class WorkflowDefinitionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="WorkflowDefinitionsOptions"/> to the <c>WorkflowDefinitions</c> section of
    /// <paramref name="configuration"/>, validates them at start-up and loads the catalog before the server
    /// listens; any error stops the host with every problem listed.
    /// </summary>
    public static IServiceCollection AddWorkflowDefinitions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkflowDefinitionsOptions>()
            .Bind(configuration.GetSection(WorkflowDefinitionsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkflowDefinitionsOptions>, WorkflowDefinitionsOptionsValidator>();
        services.AddSingleton<DefinitionCatalog>();
        services.AddSingleton<CatalogLoader>();
        services.AddSingleton<Administration.CalendarPublicationHook>();
        services.AddHostedService(sp => sp.GetRequiredService<Administration.CalendarPublicationHook>());
        services.TryAddSingleton<Cases.StorageReadiness>();
        services.AddHostedService<CatalogRefresher>();
        services.AddSingleton<Security.CallerScopes>();
        services.AddSingleton<EcoDamage.Workflow.Messaging.Events.IDeclaredEventNames, CatalogEventNames>();
        services.AddHostedService<CatalogStartupLoader>();
        services.AddHealthChecks().AddCheck<CatalogHealthCheck>("workflow-catalog", tags: [HealthExtensions.ReadyTag]);
        return services;
    }
}
