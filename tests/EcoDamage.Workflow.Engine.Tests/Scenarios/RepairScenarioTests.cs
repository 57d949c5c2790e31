using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>The repair sub-process (R20–R25, R28).</summary>
public sealed class RepairScenarioTests
{
    private static CaseDriver Planning() => NewClue().ToRepairPlanning();

    private static CaseDriver WithDeposit(CaseDriver d) => d.Fire("ReceiveDeposit", Finance, ("depositAmount", 300_000m));

    [Fact]
    public void SelfRepair_EvaluationPassed_RefundsDepositAndSettlesFunds()
    {
        var d = WithDeposit(Planning()).RepairChosen(new LocalDate(2026, 12, 31));
        Assert.Equal(("repairTerm", At(2027, 1, 1)), d.OpenedDue[^1]);

        d.Attach("repairCompletionReport").Fire("CompleteRepair", Obligor).Evaluated(passed: true).Fire("SettleDeposit", Department);

        Assert.Equal(
            ["Performance", "RepairPlanning", "ObligorRepairing", "EffectEvaluation", "RepairAccepted", "Completed", "FundsSettlement"],
            d.VisitedFrom("Performance"));
        Assert.Equal("refunded", d.Case.Data["depositStatus"]);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Finance);
        Assert.Equal(["FundsSettlement"], d.Case.States);
        Assert.Empty(d.Case.ActiveDeadlines);
    }

    [Fact]
    public void SubmitEvaluation_Failed_RepairContinuesWithNewTerm()
    {
        var d = Planning().RepairChosen(new LocalDate(2026, 6, 30)).Attach("repairCompletionReport", "evaluationReport")
            .Fire("CompleteRepair", Obligor)
            .Fire("SubmitEvaluation", Evaluator, ("evaluationPassed", false), ("repairDueDate", new LocalDate(2026, 9, 30)));

        Assert.Equal(["Performance", "RepairPlanning", "ObligorRepairing", "EffectEvaluation", "ObligorRepairing"], d.VisitedFrom("Performance"));
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Publish && a.Target == "EvaluationFailed");
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.Notify && a.Target == Obligor);
        Assert.Equal([("repairTerm", At(2026, 7, 1)), ("repairTerm", At(2026, 10, 1))], d.OpenedDue.Where(x => x.Id == "repairTerm"));
        Assert.Equal(["Performance", "ObligorRepairing"], d.Case.States);
    }

    [Fact]
    public void ObligorFailsToRepair_DepartmentCommissionsThirdPartyAndDrawsDeposit()
    {
        var d = WithDeposit(Planning()).RepairChosen(new LocalDate(2026, 12, 31)).Fire("ObligorFailsToRepair", Department);
        Assert.Equal("drawn", d.Case.Data["depositStatus"]);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Finance);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.Notify && a.Target == ThirdParty);

        d.Attach("repairCompletionReport").Fire("CompleteRepair", ThirdParty).Evaluated(passed: true).Fire("SettleDeposit", Department);

        Assert.Equal(
            ["ObligorRepairing", "DepartmentCommissionedRepair", "EffectEvaluation", "RepairAccepted", "Completed", "FundsSettlement"],
            d.VisitedFrom("ObligorRepairing"));
        Assert.Equal("drawn", d.Case.Data["depositStatus"]);
        Assert.Single(d.OpenedDue, x => x.Id == "repairTerm");
    }

    [Fact]
    public void RepairTerm_DueInNationalDayWeek_RemindsObligorThenEscalatesToDepartment()
    {
        // Due date Thu 2026-10-01 is a holiday: the term ends on Thu 2026-10-08, due 2026-10-09 00:00.
        var d = Planning().RepairChosen(new LocalDate(2026, 10, 1));
        var term = d.DeadlinesOpened[^1];
        Assert.Equal((At(2026, 10, 9), new LocalDate(2026, 10, 8)), (term.Due, term.LastDay));

        d.AdvanceTo(new LocalDateTime(2026, 10, 10, 9, 0));

        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "repairTerm", "30d", At(2026, 9, 9)),
                (DeadlineEventKind.Reminder, "repairTerm", "7d", At(2026, 10, 2)),
                (DeadlineEventKind.Overdue, "repairTerm", Department, At(2026, 10, 9)),
            ],
            d.EventLog);
        Assert.All(d.Events.Where(e => e.Kind == DeadlineEventKind.Reminder), e => Assert.Equal(Obligor, e.Role));
        Assert.Equal([Department], d.Escalations);

        d.Fire("DeclareNonPerformance", Department);
        Assert.Equal(["ObligorRepairing", "NotPerformed", "NonPerformance"], d.VisitedFrom("ObligorRepairing"));
    }

    [Fact]
    public void ChooseRepairMode_StockEnhancement_RunsAlternativeRepair()
    {
        var d = Planning().Attach("repairPlan");
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ChooseRepairMode", Department,
            ("repairMode", "alternativeRepair"), ("repairDueDate", new LocalDate(2026, 6, 30)))).Kind);

        d.Fire("ChooseRepairMode", Department,
            ("repairMode", "alternativeRepair"), ("alternativeMeasure", "stockEnhancement"), ("repairDueDate", new LocalDate(2026, 6, 30)),
            ("naturallyRecovered", false), ("repairInPlaceImpracticable", true), ("impactLimited", true), ("alternativeReasoning", "河道原地修复难以开展，影响有限")); // R24, seed line 54

        Assert.Equal(["Performance", "AlternativeRepair"], d.Case.States);
        Assert.Equal(("repairTerm", At(2026, 7, 1)), d.OpenedDue[^1]);
    }

    [Fact]
    public void ChooseRepairMode_LabourCompensation_NeedsItsValueAndAccounting()
    {
        var d = Planning().Attach("repairPlan");
        (string, object?)[] labour = [("repairMode", "labourCompensation"), ("repairDueDate", new LocalDate(2026, 6, 30)), ("labourDays", 60)];
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ChooseRepairMode", Department, labour)).Kind);
        Assert.Equal(RefusalKind.MissingDocument,
            Assert.Single(d.Refused("ChooseRepairMode", Department, [.. labour, ("labourValue", 36_000m)])).Kind);

        d.Attach("labourAccounting").Fire("ChooseRepairMode", Department, [.. labour, ("labourValue", 36_000m)]);

        Assert.Equal(["Performance", "LabourCompensation"], d.Case.States);
    }

    [Fact]
    public void ArrangeInstalments_WithoutGuarantee_IsRefused()
    {
        var d = Planning();
        Assert.Equal(RefusalKind.MissingDocument, Assert.Single(d.Refused("ArrangeInstalments", Department,
            ("instalments", 4), ("guaranteeProvided", true))).Kind);
        d.Attach("guaranteeDocument");
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ArrangeInstalments", Department,
            ("instalments", 4), ("guaranteeProvided", false))).Kind);

        d.Fire("ArrangeInstalments", Department, ("instalments", 4), ("guaranteeProvided", true));

        Assert.Equal(["Performance", "RepairPlanning"], d.Case.States);
        Assert.Equal(4L, d.Case.Data["instalments"]);
    }
}
