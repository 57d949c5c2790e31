namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// Loads the catalog while the host starts, in the <c>Starting</c> phase: every hosted service's <c>StartingAsync</c>
/// completes before any <c>StartAsync</c> (the server's listening among them), so an invalid catalog stops the host
/// before it serves a request. The host starts its services concurrently (<c>AddStartupConcurrency</c>): the load
/// (YAML, validation, compilation: CPU work) runs beside the storage migration.
/// </summary>
internal sealed class CatalogStartupLoader(DefinitionCatalog catalog) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.Run(catalog.Load, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
