using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Schedules;

/// <summary>Schedules are read and checked (WF140–WF148; their deadlines as any deadline, WF040–WF046).</summary>
public sealed class ScheduleRuleTests
{
    private static string Fault(string find, string replace) => With(ScheduleFixture.Definition, find, replace);

    [Fact]
    public void Load_ScheduleFixture_LoadsWithTheScheduleDeadlinesRecordKeysAndDerivedFields()
    {
        var loaded = Load(ScheduleFixture.Definition);

        Assert.True(loaded.Success, string.Join('\n', loaded.Problems));
        var definition = Assert.Single(loaded.Catalog!.Workflows).Definition;
        Assert.Equal(["plan"], definition.Triggers.Single(t => t.Id == "Arrange").RecordInputs.Keys);
        Assert.Equal(["visits"], definition.Triggers.Single(t => t.Id == "Log").RecordInputs.Keys);
        Assert.Empty(definition.Triggers.Single(t => t.Id == "Pay").RecordInputs);
        Assert.Equal("plan", definition.Fields.Single(f => f.Id == "planned").Derived!.Schedule.Text);
        var plan = Assert.Single(definition.AllStates().Single(s => s.Id == "Paying").Schedules);
        Assert.Equal(["due", "amount"], plan.Members.Select(m => m.Name.Text));
        Assert.Equal("Paid", plan.Completed!.Value.Text);
    }

    [Fact]
    public void Load_MemberWithoutAKnownType_ReportsWF140()
    {
        var problems = Load(Fault("item: { due: date, amount: money }", "item: { due: day, amount: money }")).Problems;

        AssertProblems(problems, ("WF140", 37, 22, "member 'due' of schedule 'plan' must have a type: date, money, decimal, integer, text, boolean"));
    }

    [Fact]
    public void Load_PerItemScheduleWithoutDueDate_ReportsWF141()
    {
        var problems = Load(Fault("item: { due: date, amount: money }", "item: { when: date, amount: money }")).Problems;

        AssertProblems(problems, ("WF141", 34, 7, "schedule 'plan' opens a deadline per item, so its item needs a 'due: date' member (or give 'monthly')"));
    }

    [Fact]
    public void Load_DueOrAmountOfTheWrongType_ReportsWF141ForEach()
    {
        var problems = Load(Fault("item: { due: date, amount: money }", "item: { due: text, amount: decimal }")).Problems;

        AssertProblems(
            problems,
            ("WF141", 37, 17, "member 'due' of schedule 'plan' must be a date"),
            ("WF141", 37, 28, "member 'amount' of schedule 'plan' must be money"));
    }

    [Fact]
    public void Load_MonthlyDateNotADateMember_ReportsWF141()
    {
        var problems = Load(Fault("monthly: { minimum: param.perMonth, date: date }", "monthly: { minimum: param.perMonth, date: hours }")).Problems;

        AssertProblems(problems, ("WF141", 53, 51, "'date' of the monthly minimum of schedule 'visits' must name a date member of its item"));
    }

    [Theory]
    [InlineData("param.missing")]
    [InlineData("0")]
    [InlineData("two")]
    public void Load_MonthlyMinimumNotAPositiveInteger_ReportsWF142(string minimum)
    {
        var problems = Load(Fault("minimum: param.perMonth", $"minimum: {minimum}")).Problems;

        AssertProblems(problems, ("WF142", 53, 29, $"monthly minimum '{minimum}' of schedule 'visits' must be a positive integer or param.NAME of a positive integer parameter"));
    }

    [Fact]
    public void Load_ScheduleIdAlsoADeadlineId_ReportsWF143()
    {
        var problems = Load(Fault("""
                on:
                  Pay: { implements: [R25] }
            """, """
                deadlines:
                  plan: { zh: 期限, en: Term, period: 30d, overdue: { escalate: clerk } }
                on:
                  Pay: { implements: [R25] }
            """)).Problems;

        AssertProblems(problems, ("WF143", 34, 7, "schedule id 'plan' is already a deadline, schedule or data field id of the definition"));
    }

    [Fact]
    public void Load_TriggerRecordingUnknownSchedule_ReportsWF144()
    {
        var problems = Load(Fault("schedule: [plan] }", "schedule: [plans] }")).Problems;

        AssertProblems(problems, ("WF144", 15, 62, "trigger 'Arrange' records unknown schedule 'plans'"));
    }

    [Fact]
    public void Load_MeetsWithAnItemThatIsNotAnIntegerInput_ReportsWF145()
    {
        var problems = Load(Fault("item: number, amount: amount", "item: amount, amount: amount")).Problems;

        AssertProblems(problems, ("WF145", 16, 100, "'amount' (the item's number) of 'meets' of trigger 'Pay' must be an integer input of the trigger"));
    }

    [Fact]
    public void Load_MeetsAMonthlySchedule_ReportsWF145()
    {
        var problems = Load(Fault("meets: { schedule: plan,", "meets: { schedule: visits,")).Problems;

        AssertProblems(problems, ("WF145", 16, 88, "schedule 'visits' has a monthly minimum: its items are recorded, not met one by one"),
            ("WF145", 16, 118, "trigger 'Pay' meets schedule 'visits' with an amount, but its item has no 'amount' member"));
    }

    [Fact]
    public void Load_CompletedTriggerWithoutSystemRole_ReportsWF146()
    {
        var problems = Load(Fault("completed: { fire: Paid }", "completed: { fire: Stop }")).Problems;

        AssertProblems(problems, ("WF146", 39, 28, "schedule 'plan' fires 'Stop' when completed, whose roles do not include 'system'"));
    }

    [Fact]
    public void Load_DerivedSumOfANonNumericMember_ReportsWF147()
    {
        var problems = Load(Fault("derived: { schedule: plan, sum: amount }", "derived: { schedule: plan, sum: due }")).Problems;

        AssertProblems(problems, ("WF147", 12, 82, "field 'planned' sums 'due', which is not a numeric member of schedule 'plan'"));
    }

    [Fact]
    public void Load_DerivedFieldThatATriggerAlsoSets_ReportsWF148()
    {
        var problems = Load(Fault("inputs: [number, amount]", "inputs: [number, amount, planned]")).Problems;

        AssertProblems(problems, ("WF148", 12, 59, "field 'planned' is derived from schedule 'plan' and so cannot also be input of trigger 'Pay'"));
    }

    [Fact]
    public void Load_ScheduleDeadlineWithoutOverdueAction_ReportsWF040()
    {
        var problems = Load(Fault("deadline: { holidayRule: none, remind: [5d], overdue: { escalate: clerk } }", "deadline: { holidayRule: none, remind: [5d] }")).Problems;

        AssertProblems(problems, ("WF040", 54, 19, "deadline 'visits' has no overdue action (escalate, fire or both)"));
    }

    [Fact]
    public void Load_ScheduleOnTheInitialState_ReportsWF149()
    {
        var problems = Load(Fault("initial: Draft", "initial: Paying")).Problems;

        Assert.Contains(problems, p => p.RuleId == "WF149" && p.Position.Line == 34
            && p.Message == "schedule 'plan' is declared on 'Paying', which a case or sub-process starts in: its deadlines open when a trigger enters its state");
    }

    [Fact]
    public void Load_UnknownKeyInASchedule_ReportsWF003()
    {
        var problems = Load(Fault("completed: { fire: Paid }", "completed: { fire: Paid }\n        every: 1m")).Problems;

        AssertProblems(problems, ("WF003", 40, 9, "unknown key 'every' in schedule 'plan'"));
    }
}
