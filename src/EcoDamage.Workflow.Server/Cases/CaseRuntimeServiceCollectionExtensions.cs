using Microsoft.Extensions.DependencyInjection.Extensions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>The case adapter: storage from the <c>Storage</c> section, the runtime, the engine over the loaded catalog, document files.</summary>
internal static class CaseRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds storage (<c>Storage:Provider</c> <c>Sqlite</c> by default or <c>PostgreSql</c>; <c>Storage:ConnectionString</c>
    /// by default <c>Data Source=data/ecodamage.db</c>), the command handler, the engine, migrations applied before the
    /// server listens, a readiness check on the database, document storage (<c>Documents</c> section) and telemetry.
    /// </summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowStorage(configuration);
        services.AddWorkflowRuntime();
        // The engine over the catalog in force when resolved: a publication swaps the catalog, so nothing keeps an engine
        // beyond the scope (request, sweep round) it was resolved in.
        services.AddTransient(sp => sp.GetRequiredService<DefinitionCatalog>().Engine);
        services.TryAddSingleton<StorageReadiness>();
        services.AddHostedService<StorageStartupMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthExtensions.ReadyTag]);
        services.AddOptions<DocumentStorageOptions>().Bind(configuration.GetSection(DocumentStorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentStorageOptions>, DocumentStorageOptionsValidator>();
        services.AddSingleton<DocumentContentStore>();
        services.AddSingleton<CaseTelemetry>();
        services.AddScoped<CaseViews>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<LinkCommands>();
        return services;
    }
}
