using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// Database mode: every <see cref="WorkflowDefinitionsOptions.RefreshInterval"/> asks the store whether the catalog
/// changed (another node published or withdrew) and loads it if so. A failed reload is logged; the catalog in force stays.
/// </summary>
internal sealed class CatalogRefresher(CatalogLoader loader, DefinitionCatalog catalog, IOptions<WorkflowDefinitionsOptions> options, TimeProvider time, ILogger<CatalogRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (catalog.Mode != CatalogMode.Database)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await loader.ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ReloadFailed(logger, e);
            }
        }
    }
}
