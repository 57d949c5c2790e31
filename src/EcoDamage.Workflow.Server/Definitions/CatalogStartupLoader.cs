namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// Loads the catalog while the host starts; hosted services registered before <c>Build()</c> start before
/// the server listens, so an invalid catalog stops the host before it serves a request.
/// </summary>
internal sealed class CatalogStartupLoader(DefinitionCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Load();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
