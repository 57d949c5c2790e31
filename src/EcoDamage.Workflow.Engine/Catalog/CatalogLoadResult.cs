using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Catalog;

/// <summary>A loaded catalog, or every problem that prevented it.</summary>
/// <param name="Catalog">The catalog, when there were no errors.</param>
/// <param name="Problems">Every error and warning found, in file order.</param>
public sealed record CatalogLoadResult(WorkflowCatalog? Catalog, IReadOnlyList<Problem> Problems)
{
    /// <summary>True when the catalog loaded (warnings allowed).</summary>
    public bool Success => Catalog is not null;
}
