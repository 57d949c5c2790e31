using EcoDamage.Workflow.Storage;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>
/// Applies the store's migrations while the host starts (hosted services start before the server listens),
/// so no request ever meets an old schema; a database that cannot be migrated stops the host.
/// </summary>
internal sealed class StorageStartupMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowStorageMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
