using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>One loaded catalog with everything built from it, swapped as a whole when a publication changes the catalog.</summary>
/// <param name="Catalog">The compiled catalog.</param>
/// <param name="Engine">The engine over it.</param>
/// <param name="Reference">Departments, jurisdictions and treasuries read from it.</param>
/// <param name="Stamp">The store's change counter it was loaded at (0 in folder mode).</param>
internal sealed record CatalogState(WorkflowCatalog Catalog, WorkflowEngine Engine, Reference.ReferenceData Reference, long Stamp)
{
    /// <summary>Who published each definition version, when and why, by <c>id@version</c> (empty in folder mode).</summary>
    public IReadOnlyDictionary<string, Runtime.Catalog.PublishedDefinition> Publications { get; init; } =
        new Dictionary<string, Runtime.Catalog.PublishedDefinition>(StringComparer.Ordinal);

    /// <summary>The revision in force of each catalog document, by path (empty in folder mode).</summary>
    public IReadOnlyDictionary<string, Runtime.Catalog.CatalogDocument> Documents { get; init; } =
        new Dictionary<string, Runtime.Catalog.CatalogDocument>(StringComparer.Ordinal);
}
