using EcoDamage.Workflow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Ready while the case database accepts connections.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("The case database answers.")
            : HealthCheckResult.Unhealthy("The case database does not answer.");
    }
}
