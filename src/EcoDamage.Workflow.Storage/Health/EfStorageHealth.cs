using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Storage.Health;

/// <summary>Probes the case database through the provider's context (the same on both providers).</summary>
internal sealed class EfStorageHealth(WorkflowDbContext db) : IStorageHealth
{
    public Task<bool> CanConnectAsync(CancellationToken cancellationToken = default) => db.Database.CanConnectAsync(cancellationToken);
}
