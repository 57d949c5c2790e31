using EcoDamage.Workflow.Engine.Catalog;

namespace EcoDamage.Workflow.TestUtils;

/// <summary>The real <c>workflows/</c> catalog, loaded once per test run.</summary>
public static class ShippedCatalog
{
    private static readonly Lazy<CatalogLoadResult> Loaded = new(() => WorkflowCatalog.LoadDirectory(RepositoryPaths.Workflows));

    public static CatalogLoadResult Result => Loaded.Value;

    public static WorkflowCatalog Catalog => Loaded.Value.Catalog
        ?? throw new InvalidOperationException("workflows/ does not load:\n" + string.Join('\n', Loaded.Value.Problems));
}
