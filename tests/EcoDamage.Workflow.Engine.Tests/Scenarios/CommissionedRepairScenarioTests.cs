using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>
/// Issue 12, errors 10 (R22, seed lines 50 and 61) and 11 (R24, seed line 54) in the repair sub-process.
/// </summary>
public sealed class CommissionedRepairScenarioTests
{
    private static CaseDriver Commissioned(decimal? deposit = null)
    {
        var d = NewClue().ToRepairPlanning();
        if (deposit is { } amount)
        {
            d.Fire("ReceiveDeposit", Finance, ("depositAmount", amount));
        }

        return d.RepairChosen(new LocalDate(2026, 12, 31)).Fire("ObligorFailsToRepair", Department);
    }

    [Fact]
    public void Err10_CommissionedThirdPartyFailsEvaluation_DepartmentRecommissionsNeverBackToTheObligor()
    {
        // R22 / seed line 50: the obligor did not repair, so the department commissioned a third party; a failed
        // evaluation of that repair goes back to the department's commissioning, not to the obligor who already failed.
        var d = Commissioned().Attach("repairCompletionReport").Fire("CompleteRepair", ThirdParty).Evaluated(passed: false);

        Assert.Equal(["Performance", "DepartmentCommissionedRepair"], d.Case.States);
        Assert.DoesNotContain(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Obligor);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.Notify && a.Target == ThirdParty);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.Publish && a.Target == "EvaluationFailed");
    }

    [Fact]
    public void Err10_CommissionedRepairCost_RecoveredFromTheDepositFirstThenTheObligor()
    {
        // Seed line 61: the department uses the deposit directly and goes on recovering the shortfall.
        var d = Commissioned(deposit: 300_000m).Fire("RecordCommissionedRepairCost", Finance, ("commissionedRepairCost", 500_000m));

        Assert.Equal(("drawn", 300_000m, 200_000m), (d.Case.Data["depositStatus"], d.Case.Data["depositDrawnAmount"], d.Case.Data["costToRecover"]));
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Obligor);

        d.Fire("RecordCommissionedRepairCost", Finance, ("commissionedRepairCost", 120_000m));
        Assert.Equal((120_000m, 0m), (d.Case.Data["depositDrawnAmount"], d.Case.Data["costToRecover"]));
    }

    [Fact]
    public void Err10_NoDeposit_WholeCostRecoveredFromTheObligor_OrTheDepartmentEndsAsNotPerformed()
    {
        var d = Commissioned().Fire("RecordCommissionedRepairCost", Department, ("commissionedRepairCost", 500_000m));
        Assert.Equal(500_000m, d.Case.Data["costToRecover"]);
        Assert.False(d.Case.Data.ContainsKey("depositDrawnAmount"));

        d.Attach("repairCompletionReport").Fire("CompleteRepair", ThirdParty).Evaluated(passed: false).Fire("DeclareNonPerformance", Department);

        Assert.Equal(["NonPerformance"], d.Case.States);
    }

    [Fact]
    public void Err11_AlternativeRepair_OnlyUnderTheSeedsConditionsWithReasoning()
    {
        // Seed line 54: 受损生态环境已自然恢复或原地修复难以开展、影响有限的，可以通过增殖放流、植树育林等替代修复方式承担修复责任。
        var d = NewClue().ToRepairPlanning().Attach("repairPlan");
        (string, object?)[] chosen = [("repairMode", "alternativeRepair"), ("alternativeMeasure", "afforestation"), ("repairDueDate", new LocalDate(2026, 6, 30))];

        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ChooseRepairMode", Department, chosen)).Kind);
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ChooseRepairMode", Department,
            [.. chosen, ("naturallyRecovered", false), ("repairInPlaceImpracticable", true), ("impactLimited", false), ("alternativeReasoning", "影响较大")])).Kind);
        var missing = d.Refused("ChooseRepairMode", Department, [.. chosen, ("naturallyRecovered", true)]);
        Assert.Equal(["alternativeReasoning", "impactLimited", "repairInPlaceImpracticable"], missing.Select(r => r.Subject).Order(StringComparer.Ordinal));
        Assert.All(missing, r => Assert.Equal(RefusalKind.MissingData, r.Kind));

        d.Fire("ChooseRepairMode", Department,
            [.. chosen, ("naturallyRecovered", true), ("repairInPlaceImpracticable", false), ("impactLimited", false), ("alternativeReasoning", "已自然恢复，异地植树育林替代")]);

        Assert.Equal(["Performance", "AlternativeRepair"], d.Case.States);
        Assert.Equal("已自然恢复，异地植树育林替代", d.Case.Data["alternativeReasoning"]);
    }
}
