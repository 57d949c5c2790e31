using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Execution;

/// <summary>
/// Entering a composite state by a transition follows its initial sub-state. Regression: with
/// Stateless in Immediate firing mode this recursed until the stack overflowed.
/// </summary>
public sealed class CompositeStateEntryTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 3, 4, 1, 0);
    private static readonly Actor Department = new("u1", "handlingDepartment");

    [Fact]
    public void Fire_OpenCaseIntoCompositeClaim_EntersItsInitialSubState()
    {
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var started = engine.Start("claim", null, "c-1", Department, At, new Dictionary<string, object?>
        {
            ["channel"] = "suddenIncident", ["domain"] = "forestry", ["jurisdiction"] = "rugao",
        });
        Assert.True(started.Accepted);
        var @case = started.Case;
        @case = engine.Fire(@case, new FireRequest("StartPreliminaryCheck", Department, At)).Case;
        foreach (var doc in new[] { "preliminaryCheckReport", "caseOpeningDecision" })
        {
            @case = engine.AttachDocument(@case, doc, new LocalDate(2024, 3, 4), null, Department, At).Case;
        }

        var result = engine.Fire(@case, new FireRequest(
            "OpenCase", Department, At.Plus(Duration.FromHours(1)), new Dictionary<string, object?> { ["damageFound"] = true }));

        Assert.True(result.Accepted, string.Join("; ", result.Refusals.Select(r => r.Message)));
        Assert.Equal("Investigation", result.Case.State);
        Assert.Equal(["PreliminaryCheck", "PreliminaryCheckPeriod"], result.Exited);
        Assert.Equal(["Claim", "Investigation"], result.Entered);
        Assert.Contains(result.DeadlinesClosed, d => d.DeadlineId == "preliminaryCheck");
        Assert.Equal(@case.Version + 1, result.Case.Version);
    }
}
