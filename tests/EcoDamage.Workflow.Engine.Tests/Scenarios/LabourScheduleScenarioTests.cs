using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>
/// Labour compensation as a schedule (R24; seed line 54: 可以通过开展劳务代偿等方式履行赔偿义务…做好劳务代偿工作价值量核算) through
/// the shipped repair: sessions with date, hours and value; at least three per calendar month, each month's
/// deadline due at its end (Asia/Shanghai), reminded and escalated once when missed; the next month's opens
/// when one closes; the value performed is derived.
/// </summary>
public sealed class LabourScheduleScenarioTests
{
    private static RecordList Sessions(params (string Date, decimal Hours, decimal Value)[] items) =>
        RecordList.From(items.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["date"] = i.Date, ["hours"] = i.Hours, ["value"] = i.Value,
        }));

    /// <summary>Labour compensation chosen on Monday 2026-03-02: the repair is in LabourCompensation.</summary>
    private static CaseDriver Labouring()
    {
        var d = NewClue().ToRepairPlanning().Attach("repairPlan", "labourAccounting")
            .Fire("ChooseRepairMode", Department,
                ("repairMode", "labourCompensation"), ("repairDueDate", new LocalDate(2026, 12, 31)), ("labourValue", 36_000m), ("labourDays", 60));
        Assert.Equal(["Performance", "LabourCompensation"], d.Case.States);
        return d;
    }

    [Fact]
    public void ChooseLabourCompensation_OpensTheMonthsDeadlineDueAtTheEndOfTheMonth()
    {
        var d = Labouring();

        var march = Assert.Single(d.Case.ActiveDeadlines, x => x.DeadlineId == "labourSessions");
        Assert.Equal(("repair/labourSessions@2026-03#1", At(2026, 4, 1), Obligor), (march.Key, march.Due, march.RemindRole));
    }

    [Fact]
    public void LabourSchedule_MonthMissed_IsRemindedEscalatedOnceAndTheNextMonthOpens()
    {
        var d = Labouring();
        d.AdvanceTo(new LocalDateTime(2026, 3, 20, 16, 0))
            .Fire("RecordLabourSession", Department, ("labourSessions", Sessions(("2026-03-05", 4m, 600m), ("2026-03-12", 4m, 600m), ("2026-03-19", 4m, 600m))));
        Assert.Equal(["repair/labourSessions@2026-03#1"], d.Last!.DeadlinesClosed.Select(x => x.Key));
        Assert.Equal(["repair/labourSessions@2026-04#1"], d.Last!.DeadlinesOpened.Select(x => x.Key));

        d.AdvanceTo(new LocalDateTime(2026, 4, 10, 16, 0))
            .Fire("RecordLabourSession", Department, ("labourSessions", Sessions(("2026-04-09", 4m, 600m))));
        d.AdvanceTo(new LocalDateTime(2026, 5, 20, 9, 0));

        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "repair/labourSessions@2026-04#1", Obligor, At(2026, 4, 24)),
                (DeadlineEventKind.Overdue, "repair/labourSessions@2026-04#1", Department, At(2026, 5, 1)),
            ],
            d.Events.Select(e => (e.Kind, e.Deadline.Key, e.Role, e.ScheduledAt)));
        Assert.Equal([Department], d.Escalations);
        var may = Assert.Single(d.Case.Deadlines, x => x.Key == "repair/labourSessions@2026-05#1");
        Assert.Equal((DeadlineStatus.Open, At(2026, 5, 1), At(2026, 6, 1)), (may.Status, may.OpenedAt, may.Due));

        d.Fire("RecordLabourSession", Department, ("labourSessions", Sessions(("2026-05-06", 4m, 600m), ("2026-05-13", 4m, 600m), ("2026-05-20", 4m, 600m))));

        Assert.Equal(["repair/labourSessions@2026-06#1"], d.Last!.DeadlinesOpened.Select(x => x.Key));
        Assert.Equal(4_200m, d.Case.Data["labourPerformedValue"]);
        Assert.Equal([Department], d.Escalations);
    }

    [Fact]
    public void LabourSchedule_RepairCompleted_ClosesTheMonthsDeadline()
    {
        var d = Labouring().Attach("repairCompletionReport").Fire("CompleteRepair", Obligor);

        Assert.Equal(["Performance", "EffectEvaluation"], d.Case.States);
        Assert.DoesNotContain(d.Case.ActiveDeadlines, x => x.DeadlineId == "labourSessions");
    }
}
