using EcoDamage.Workflow.Messaging.Events;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>The event names of every loaded definition, for webhook subscriptions (read when asked: the catalog loads at start).</summary>
internal sealed class CatalogEventNames(DefinitionCatalog definitions) : IDeclaredEventNames
{
    public IReadOnlyCollection<string> Names =>
        definitions.Catalog.Workflows.SelectMany(w => w.Events.Names).Distinct(StringComparer.Ordinal).ToArray();
}
