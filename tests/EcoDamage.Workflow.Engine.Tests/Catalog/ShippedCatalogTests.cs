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
