using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Catalog;

public sealed class ShippedCatalogTests
{
    [Fact]
    public void LoadDirectory_ShippedWorkflows_LoadWithoutProblems()
    {
        var result = ShippedCatalog.Result;

        Assert.True(result.Success, string.Join('\n', result.Problems));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void LoadDirectory_ShippedWorkflows_HoldClaimConsultationAndRepair()
    {
        var ids = ShippedCatalog.Catalog.Workflows.Select(w => w.Definition.Id).Order().ToArray();

        Assert.Equal(["claim", "consultation", "repair"], ids);
    }
}

public sealed class CatalogSourceTests
{
    [Fact]
    public void SourceOf_EveryShippedVersion_IsTheFileTextAsWritten()
    {
        foreach (var workflow in ShippedCatalog.Catalog.Workflows)
        {
            var source = ShippedCatalog.Catalog.SourceOf(workflow.Key);

            Assert.NotNull(source);
            Assert.Equal($"{workflow.Definition.Id}.workflow.yaml", source.Path);
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, source.Path)), source.Text);
        }
    }

    [Fact]
    public void SourceOf_UnknownKey_IsNull()
    {
        Assert.Null(ShippedCatalog.Catalog.SourceOf("claim@99.0.0"));
    }
}
