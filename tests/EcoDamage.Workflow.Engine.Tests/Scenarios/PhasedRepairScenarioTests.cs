using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>
/// Issue 12, capability "Phased performance": one agreement, several repair phases (R21, R25), each with its scope,
/// amount, mode, term, guarantee and evaluation, run as one repair instance per phase; the claim moves on when every
/// phase has ended (claim state Performance, <c>call: { forEach: phases }</c>).
/// </summary>
public sealed class PhasedRepairScenarioTests
{
    /// <summary>Three phases recorded with the agreement's performance: own repair, third party, stock enhancement (R24).</summary>
    internal static RecordList ThreePhases() => RecordList.From([
        Phase("清理污染底泥", 400_000m, "selfRepair", "2026-09-30"),
        Phase("恢复岸带植被", 350_000m, "thirdPartyRepair", "2026-12-31"),
        Phase("增殖放流", 250_000m, "alternativeRepair", "2027-03-31"),
    ]);

    internal static (string, object?)[] AlternativeFacts => [
        ("alternativeMeasure", "stockEnhancement"), ("naturallyRecovered", false), ("repairInPlaceImpracticable", true),
        ("impactLimited", true), ("alternativeReasoning", "河段原地修复难以开展，渔业资源损失影响有限，以增殖放流替代"),
    ];

    private static IReadOnlyDictionary<string, object?> Phase(string scope, decimal amount, string mode, string due) =>
        new Dictionary<string, object?>
        {
            ["scope"] = scope, ["phaseAmount"] = amount, ["repairMode"] = mode, ["repairDueDate"] = due, ["guarantee"] = "银行保函",
        };

    private static CaseDriver Phased() => NewClue().ToAgreement()
        .Fire("PerformWithoutConfirmation", Department, ("phases", ThreePhases()))
        .Attach("repairPlan", "repairCompletionReport", "evaluationReport");

    private static CaseDriver PlannedAndStarted() => Phased()
        .FireIn("phases/1", "ChooseRepairMode", Department)
        .FireIn("phases/2", "ChooseRepairMode", Department)
        .FireIn("phases/3", "ChooseRepairMode", Department, AlternativeFacts);

    [Fact]
    public void PerformWithoutConfirmation_ThreePhases_RunsOneRepairPerPhaseWithItsOwnTerm()
    {
        var d = Phased();
        Assert.Equal(["Performance"], d.Case.States);
        Assert.Equal(["RepairPlanning", "RepairPlanning", "RepairPlanning"], d.Case.Branches.Select(b => b.State));
        Assert.Equal("thirdPartyRepair", d.Case.Branches[1].Data["repairMode"]);
        Assert.Equal(350_000m, d.Case.Branches[1].Data["phaseAmount"]);

        d = PlannedAndStarted();

        Assert.Equal(["ObligorRepairing", "ObligorRepairing", "AlternativeRepair"], d.Case.Branches.Select(b => b.State));
        Assert.Equal(
            [("repair/repairTerm@phases/1#1", new LocalDate(2026, 9, 30)), ("repair/repairTerm@phases/2#1", new LocalDate(2026, 12, 31)), ("repair/repairTerm@phases/3#1", new LocalDate(2027, 3, 31))],
            d.Case.ActiveDeadlines.Select(x => (x.Key, x.LastDay)));
    }

    [Fact]
    public void CompleteRepair_SeveralPhasesRepairing_RefusedUntilThePhaseIsNamed()
    {
        var d = PlannedAndStarted();

        var refusal = Assert.Single(d.Refused("CompleteRepair", Obligor));

        Assert.Equal((RefusalKind.BranchRequired, "phases/1, phases/2, phases/3"), (refusal.Kind, refusal.Subject));
    }

    [Fact]
    public void ThreePhaseRepair_OnePhaseFailsEvaluation_ClaimWaitsForItsRepeatThenSettlesFunds()
    {
        var d = PlannedAndStarted()
            .FireIn("phases/1", "CompleteRepair", Obligor)
            .FireIn("phases/1", "SubmitEvaluation", Evaluator, ("evaluationPassed", true))
            .FireIn("phases/1", "SettleDeposit", Department)
            .FireIn("phases/3", "CompleteRepair", Obligor)
            .FireIn("phases/3", "SubmitEvaluation", Evaluator, ("evaluationPassed", true))
            .FireIn("phases/3", "SettleDeposit", Department)
            .FireIn("phases/2", "CompleteRepair", ThirdParty)
            .FireIn("phases/2", "SubmitEvaluation", Evaluator, ("evaluationPassed", false), ("repairDueDate", new LocalDate(2027, 6, 30)));

        // Two phases done, the failed one back with the obligor under a new term: the claim is still performing.
        Assert.Equal(["Completed", "ObligorRepairing", "Completed"], d.Case.Branches.Select(b => b.State));
        Assert.Equal(["Performance"], d.Case.States);
        Assert.Equal("repair/repairTerm@phases/2#2", Assert.Single(d.Case.ActiveDeadlines).Key);

        d.Advance(Period.FromMonths(2))
            .Fire("CompleteRepair", ThirdParty) // the only phase still repairing takes it without a name
            .Fire("SubmitEvaluation", Evaluator, ("evaluationPassed", true))
            .Fire("SettleDeposit", Department);

        Assert.Equal(["FundsSettlement"], d.Case.States);
        Assert.Empty(d.Case.Branches);
        Assert.Empty(d.Case.ActiveDeadlines);
        var ended = Assert.Single(d.Case.History, h => h.Kind == HistoryKind.CallEnded && h.DefinitionKey.StartsWith("repair@", StringComparison.Ordinal));
        Assert.Equal("RepairDone", ended.Trigger);
        Assert.Equal(["Completed", "Completed", "Completed"], new[] { "phases/1", "phases/2", "phases/3" }.Select(k => ended.Changes[k]));
    }

    [Fact]
    public void ThreePhaseRepair_OnePhaseNotPerformed_GoesToNonPerformanceOnceAllHaveEnded()
    {
        var d = PlannedAndStarted()
            .FireIn("phases/2", "DeclareNonPerformance", Department)
            .FireIn("phases/1", "CompleteRepair", Obligor)
            .FireIn("phases/1", "SubmitEvaluation", Evaluator, ("evaluationPassed", true))
            .FireIn("phases/1", "SettleDeposit", Department);
        Assert.Equal(["Performance"], d.Case.States);

        d.FireIn("phases/3", "CompleteRepair", Obligor)
            .FireIn("phases/3", "SubmitEvaluation", Evaluator, ("evaluationPassed", true))
            .FireIn("phases/3", "SettleDeposit", Department);

        Assert.Equal(["NonPerformance"], d.Case.States);
        Assert.Equal("RepairNotPerformed", d.Last!.FollowUps.Single().Trigger);
    }

    [Fact]
    public void RepairTerm_OfOnePhaseOverdue_EscalatesInThatPhaseOnly()
    {
        var d = PlannedAndStarted().AdvanceTo(new LocalDateTime(2026, 10, 10, 9, 0));

        var overdue = Assert.Single(d.Events, e => e.Kind == DeadlineEventKind.Overdue);
        Assert.Equal(("phases/1", Department), (overdue.Deadline.Branch, overdue.Role));
        Assert.All(d.Events, e => Assert.Equal("phases/1", e.Deadline.Branch));
        Assert.Contains(d.Case.History, h => h.Kind == HistoryKind.Escalated && h.Branch == "phases/1");
    }

    [Fact]
    public void PerformWithoutConfirmation_NoPhases_RunsTheSingleRepairAsBefore()
    {
        var d = NewClue().ToRepairPlanning();

        Assert.Equal(["Performance", "RepairPlanning"], d.Case.States);
        Assert.Empty(d.Case.Branches);
    }

    [Fact]
    public void PerformWithoutConfirmation_PhaseWithAnUnknownMode_IsRefusedNamingItsIndexAndMember()
    {
        var d = NewClue().ToAgreement();
        var phases = RecordList.From([Phase("清理", 1m, "selfRepair", "2026-09-30"), Phase("种树", 1m, "planting", "2026-09-30")]);

        var refusal = Assert.Single(d.Refused("PerformWithoutConfirmation", Department, ("phases", phases)));

        Assert.Equal((RefusalKind.InvalidData, "phases[1].repairMode"), (refusal.Kind, refusal.Subject));
    }

    [Fact]
    public void PermittedInBranches_ShowsEachPhaseWithItsTriggers()
    {
        var d = Phased().FireIn("phases/1", "ChooseRepairMode", Department);

        var permitted = d.Engine.PermittedInBranches(d.Case, Department);

        Assert.Equal(["phases/1", "phases/2", "phases/3"], permitted.Select(p => p.Branch));
        Assert.Contains(permitted[0].Triggers, t => t.Id == "ObligorFailsToRepair");
        Assert.Contains(permitted[1].Triggers, t => t.Id == "ChooseRepairMode");
        Assert.Contains(d.Engine.PermittedTriggers(d.Case, Department), t => t.Id == "Terminate");
        Assert.DoesNotContain(d.Engine.PermittedTriggers(d.Case, Department), t => t.Id == "ChooseRepairMode");
    }
}
