using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>Ready once the workflow catalog is loaded.</summary>
internal sealed class CatalogHealthCheck(DefinitionCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.IsLoaded
            ? HealthCheckResult.Healthy($"{catalog.Catalog.Workflows.Count} definition version(s) loaded")
            : HealthCheckResult.Unhealthy("The workflow catalog is not loaded."));
}
