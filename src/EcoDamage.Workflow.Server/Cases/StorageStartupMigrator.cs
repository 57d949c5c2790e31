using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>
/// Applies the store's migrations while the host starts (hosted services start before the server listens),
/// so no request ever meets an old schema; a database that cannot be migrated stops the host. It runs in the
/// <c>Starting</c> phase, which completes before any hosted service's <c>StartAsync</c> (the bus, the relay, Quartz's
/// job store, the server), while the catalog loader waits for it in database mode (<see cref="StorageReadiness"/>).
/// </summary>
internal sealed class StorageStartupMigrator(IServiceScopeFactory scopes, StorageReadiness readiness) : StartingPhaseService
{
    public override async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            readiness.Complete();
        }
        catch (Exception e)
        {
            readiness.Fail(e);
            throw;
        }
    }
}
