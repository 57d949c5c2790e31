using EcoDamage.Workflow.Server.Hosting;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// Loads the catalog while the host starts, in the <c>Starting</c> phase: every hosted service's <c>StartingAsync</c>
/// completes before any <c>StartAsync</c> (the server's listening among them), so an invalid catalog stops the host
/// before it serves a request. The host starts its services concurrently (<c>AddStartupConcurrency</c>): the load
/// (YAML, validation, compilation: CPU work) runs beside the storage migration.
/// </summary>
internal sealed class CatalogStartupLoader(DefinitionCatalog catalog) : StartingPhaseService
{
    public override Task StartingAsync(CancellationToken cancellationToken) => Task.Run(catalog.Load, cancellationToken);
}
