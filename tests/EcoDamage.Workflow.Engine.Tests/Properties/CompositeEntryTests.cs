using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Properties;

/// <summary>Regression found by the random runs: entering a state with sub-states overflowed the stack.</summary>
public sealed class CompositeEntryTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly Actor Department = new("u", "handlingDepartment");

    [Fact]
    public void Fire_OpenCaseIntoCompositeClaim_EntersItsInitialSubState()
    {
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var @case = engine.Start("claim", null, "c", Department, At, new Dictionary<string, object?>
        {
            ["channel"] = "suddenIncident", ["domain"] = "forestry", ["jurisdiction"] = "如皋市",
        }).Case;
        @case = engine.Fire(@case, new FireRequest("StartPreliminaryCheck", Department, At)).Case;
        @case = engine.AttachDocument(@case, "preliminaryCheckReport", new LocalDate(2025, 3, 3), null, Department, At).Case;
        @case = engine.AttachDocument(@case, "caseOpeningDecision", new LocalDate(2025, 3, 3), null, Department, At).Case;

        var result = engine.Fire(@case, new FireRequest("OpenCase", Department, At, new Dictionary<string, object?> { ["damageFound"] = true }));

        Assert.True(result.Accepted, string.Join("; ", result.Refusals.Select(r => r.Message)));
        Assert.Equal(["Investigation"], result.Case.States);
        Assert.Equal(["Claim", "Investigation"], result.Entered);
        Assert.Equal(@case.Version + 1, result.Case.Version);
    }
}
