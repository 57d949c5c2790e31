using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Migration;

public sealed class MigrationPlanValidatorTests
{
    private static readonly SemanticVersion V200 = new(2, 0, 0);
    private static readonly SemanticVersion V210 = new(2, 1, 0);

    [Fact]
    public void Validate_GoodPlan_HasNoProblem()
    {
        var plan = new MigrationPlan("claim", V200, V210, new Dictionary<string, string> { ["ClueScreening"] = "ClueIntake", ["Referred"] = "ReferralReceived" }, DeadlinePolicy.Recompute);

        Assert.Empty(Validate(plan));
    }

    [Fact]
    public void Validate_UnknownStatesAndDeadline_ListsEveryProblemWithWhere()
    {
        var plan = new MigrationPlan(
            "claim", V200, V210,
            new Dictionary<string, string> { ["Screening"] = "ClueIntake", ["ClueScreening"] = "Nowhere", ["PreliminaryCheck"] = "Claim" },
            DeadlinePolicy.Keep)
        {
            DeadlineOverrides = new Dictionary<string, DeadlinePolicy> { ["noSuchDeadline"] = DeadlinePolicy.Close },
        };

        var problems = Validate(plan);

        Assert.Equal(
            [
                new MigrationPlanProblem(MigrationPlanProblemCodes.UnknownOldState, "stateMap.Screening", "state 'Screening' is not declared by claim@2.0.0"),
                new MigrationPlanProblem(MigrationPlanProblemCodes.UnknownNewState, "stateMap.ClueScreening", "state 'Nowhere' is not declared by claim@2.1.0"),
                new MigrationPlanProblem(MigrationPlanProblemCodes.CompositeNewState, "stateMap.PreliminaryCheck", "state 'Claim' of claim@2.1.0 has sub-states: map the leaf state 'PreliminaryCheck' to one of them"),
                new MigrationPlanProblem(MigrationPlanProblemCodes.UnknownDeadline, "deadlineOverrides.noSuchDeadline", "deadline 'noSuchDeadline' is not declared by claim@2.0.0"),
            ],
            problems);
    }

    [Fact]
    public void Validate_UnknownVersionAndSameVersion_AreProblems()
    {
        var plan = new MigrationPlan("claim", new SemanticVersion(9, 0, 0), new SemanticVersion(9, 0, 0), new Dictionary<string, string>(), DeadlinePolicy.Keep);

        Assert.Equal(
            [MigrationPlanProblemCodes.UnknownVersion, MigrationPlanProblemCodes.UnknownVersion, MigrationPlanProblemCodes.SameVersion],
            Validate(plan).Select(p => p.Code));
    }

    private static IReadOnlyList<MigrationPlanProblem> Validate(MigrationPlan plan) =>
        MigrationPlanValidator.Validate(plan, ClaimVersions.Catalog.Find(plan.DefinitionId, plan.From), ClaimVersions.Catalog.Find(plan.DefinitionId, plan.To));
}
