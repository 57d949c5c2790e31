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

        // One delay at a time (not a periodic timer): a clock moved far ahead wakes it once, not once per interval skipped.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.RefreshInterval, time, stoppingToken).ConfigureAwait(false);
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
