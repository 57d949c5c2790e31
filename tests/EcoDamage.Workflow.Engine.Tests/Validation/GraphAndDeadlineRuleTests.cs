using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>Graph and nesting rules (WF020–WF025) and deadline rules (WF040–WF047).</summary>
public sealed class GraphAndDeadlineRuleTests
{
    private const string InnerSubstate = "    owner: clerk\n    states:\n      Inner: { zh: 内, en: Inner }\n    deadlines:";

    [Fact]
    public void Load_StateNoTransitionLeadsTo_ReportsWF020()
    {
        AssertProblems(
            Load(Base + "\n  Orphan:\n    zh: 孤\n    en: Orphan\n    on:\n      Approve: Done").Problems,
            ("WF020", 42, 3, "state 'Orphan' cannot be reached from the initial state 'Draft'"));
    }

    [Fact]
    public void Load_ReachableStateWithoutWayOut_ReportsWF021()
    {
        var text = With("      Submit: Review\n", "      Submit: Review\n      Approve: Stuck\n") + "\n  Stuck:\n    zh: 卡\n    en: Stuck";

        AssertProblems(Load(text).Problems, ("WF021", 43, 3, "state 'Stuck' is not terminal but has no transition out"));
    }

    [Fact]
    public void Load_StateThatOnlyLoops_ReportsWF022()
    {
        var text = With("      Submit: Review\n", "      Submit: Review\n      Approve: Loop\n")
            + "\n  Loop:\n    zh: 环\n    en: Loop\n    on:\n      Approve: Loop";

        AssertProblems(Load(text).Problems, ("WF022", 43, 3, "no terminal state can be reached from state 'Loop'"));
    }

    [Fact]
    public void Load_TerminalStateWithTransition_ReportsWF023()
    {
        AssertProblems(
            Load(Base + "\n    on:\n      Approve: Draft").Problems,
            ("WF023", 38, 3, "terminal state 'Done' cannot have sub-states, transitions or a call"));
    }

    [Fact]
    public void Load_SubStatesWithoutInitial_ReportsWF024()
    {
        AssertProblems(
            Load(With("    owner: clerk\n    deadlines:", InnerSubstate)).Problems,
            ("WF024", 25, 3, "state 'Review' has sub-states but no 'initial' sub-state"),
            ("WF020", 30, 7, "state 'Inner' cannot be reached from the initial state 'Draft'"));
    }

    [Fact]
    public void Load_InitialNotOneOfTheSubStates_ReportsWF025AtTheInitial()
    {
        AssertProblems(
            Load(With("    owner: clerk\n    deadlines:", "    initial: Done\n" + InnerSubstate)).Problems,
            ("WF025", 28, 14, "initial 'Done' of state 'Review' is not one of its sub-states"),
            ("WF020", 31, 7, "state 'Inner' cannot be reached from the initial state 'Draft'"));
    }

    [Fact]
    public void Load_DefinitionInitialIsASubState_ReportsWF025AtTheInitial()
    {
        var text = With("    owner: clerk\n    deadlines:", "    initial: Inner\n" + InnerSubstate).Replace("initial: Draft", "initial: Inner");

        AssertProblems(
            Load(text).Problems,
            ("WF025", 17, 10, "initial state 'Inner' must be a top-level state"),
            ("WF020", 19, 3, "state 'Draft' cannot be reached from the initial state 'Inner'"));
    }

    [Fact]
    public void Load_DeadlineWithoutOverdueAction_ReportsWF040AtTheDeadline()
    {
        AssertProblems(
            Load(With("        overdue: { fire: Expire }\n", "")).Problems,
            ("WF040", 30, 7, "deadline 'review' has no overdue action (escalate, fire or both)"));
    }

    [Fact]
    public void Load_MalformedPeriod_ReportsWF041AtThePeriod()
    {
        AssertProblems(
            Load(With("period: 10d", "period: 10x")).Problems,
            ("WF041", 33, 17, "period of deadline 'review': The period '10x' has an unknown unit 'x'; expected a whole number from 1 to 3650 followed by d (calendar days), wd (working days) or m (months), e.g. 30d."));
    }

    [Fact]
    public void Load_MalformedReminder_ReportsWF041AtTheReminder()
    {
        AssertProblems(
            Load(With("        period: 10d\n", "        period: 10d\n        remind: [2q]\n")).Problems,
            ("WF041", 34, 18, "reminder of deadline 'review': The period '2q' has an unknown unit 'q'; expected a whole number from 1 to 3650 followed by d (calendar days), wd (working days) or m (months), e.g. 30d."));
    }

    [Fact]
    public void Load_OverdueFiresTriggerTheStateDoesNotHandle_ReportsWF042()
    {
        AssertProblems(
            Load(With("      Expire: Done\n", "")).Problems,
            ("WF042", 34, 26, "deadline 'review' fires 'Expire', which state 'Review' does not handle"),
            ("WF090", 16, 3, "trigger 'Expire' is declared but no state handles it"));
    }

    [Fact]
    public void Load_ReminderAsLongAsThePeriod_ReportsWF043AtTheReminder()
    {
        AssertProblems(
            Load(With("        period: 10d\n", "        period: 10d\n        remind: [3d, 10d]\n")).Problems,
            ("WF043", 34, 22, "reminder '10d' of deadline 'review' is not shorter than its period '10d'"));
    }

    [Fact]
    public void Load_OverdueFiresTriggerSystemMayNotFire_ReportsWF044()
    {
        AssertProblems(
            Load(With("overdue: { fire: Expire }", "overdue: { fire: Approve }")).Problems,
            ("WF044", 34, 26, "deadline 'review' fires 'Approve', whose roles do not include 'system'"));
    }

    [Fact]
    public void Load_DeadlineCountingFromMoneyField_ReportsWF045AtTheFieldName()
    {
        AssertProblems(
            Load(With("        period: 10d\n", "        period: 10d\n        from: field:amount\n")).Problems,
            ("WF045", 34, 21, "deadline 'review' counts from field 'amount', which is money, not a date"));
    }

    [Fact]
    public void Load_DeadlineDueOnMoneyField_ReportsWF045AtTheFieldName()
    {
        AssertProblems(
            Load(With("        period: 10d\n", "        due: field:amount\n")).Problems,
            ("WF045", 33, 20, "deadline 'review' is due on field 'amount', which is money, not a date"));
    }

    [Fact]
    public void Load_RemindersWithNobodyToRemind_ReportsWF046AtTheDeadline()
    {
        var text = With(With("    owner: clerk\n    deadlines:", "    deadlines:"), "        period: 10d\n", "        period: 10d\n        remind: [1d]\n");

        AssertProblems(
            Load(text).Problems,
            ("WF046", 29, 7, "deadline 'review' has reminders but neither a 'remindRole' nor an owner on state 'Review'"));
    }

    [Fact]
    public void Load_DeadlineWithPeriodAndDue_ReportsWF047AtTheDeadline()
    {
        AssertProblems(
            Load(With("        period: 10d\n", "        period: 10d\n        due: field:decidedOn\n")).Problems,
            ("WF047", 30, 7, "deadline 'review' needs exactly one of 'period' and 'due'"));
    }

    [Fact]
    public void Load_DeadlineWithNeitherPeriodNorDue_ReportsWF047AtTheDeadline()
    {
        AssertProblems(
            Load(With("        period: 10d\n", "")).Problems,
            ("WF047", 30, 7, "deadline 'review' needs exactly one of 'period' and 'due'"));
    }
}
