using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// Loads the catalog while the host starts, in the <c>Starting</c> phase: every hosted service's <c>StartingAsync</c>
/// completes before any <c>StartAsync</c> (the server's listening among them), so an invalid catalog stops the host
/// before it serves a request. In database mode it waits for the storage migration (the store's tables), then imports
/// the seed folder into an empty store and loads the store's catalog.
/// </summary>
internal sealed class CatalogStartupLoader(CatalogLoader loader, DefinitionCatalog catalog, StorageReadiness storage) : StartingPhaseService
{
    public override async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (catalog.Mode == CatalogMode.Database)
        {
            await storage.Migrated.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await loader.LoadAsync(cancellationToken).ConfigureAwait(false);
    }
}
