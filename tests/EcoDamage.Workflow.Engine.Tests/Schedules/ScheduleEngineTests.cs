using EcoDamage.Workflow.Engine.Execution;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Schedules.ScheduleFixture;

namespace EcoDamage.Workflow.Engine.Tests.Schedules;

/// <summary>
/// Schedule items and months open ordinary deadlines (R25 instalments, R24 labour sessions): keyed per item or
/// month, closed when met or when the state is left, and ticked by the <see cref="DeadlineEngine"/> like any other.
/// </summary>
public sealed class ScheduleEngineTests
{
    private static readonly Instant Monday = At(2026, 3, 2, 10);
    private static readonly DeadlineEngine Deadlines = new(MiniEngine);

    private static RecordList ThreeItems => Plan(("2026-03-31", 100m), ("2026-04-30", 200m), ("2026-05-29", 300m));

    [Fact]
    public void Fire_PlanRecorded_OpensOneDeadlinePerItemDueAtTheEndOfItsDueDate()
    {
        var result = Arranged(Monday, ThreeItems);

        Assert.True(result.Accepted, string.Join("; ", result.Refusals));
        Assert.Equal(
            [("mini/plan@1#1", At(2026, 4, 1)), ("mini/plan@2#1", At(2026, 5, 1)), ("mini/plan@3#1", At(2026, 5, 30))],
            result.DeadlinesOpened.Select(d => (d.Key, d.Due)));
        Assert.All(result.DeadlinesOpened, d => Assert.Equal(("plan", "Paying", "3d"), (d.DeadlineId, d.State, Assert.Single(d.Reminders).Offset)));
        Assert.Equal([1, 2, 3], Assert.Single(result.Case.Schedules).Items.Select(i => i.Number));
        Assert.Equal(600m, result.Case.Data["planned"]);
    }

    public static TheoryData<RecordList?, RefusalKind, string> BadPlans() => new()
    {
        { Plan(("2026-04-30", 100m), ("2026-03-31", 200m)), RefusalKind.InvalidData, "plan[1].due" },
        { Plan(("2026-04-30", 100m), ("2026-04-30", 200m)), RefusalKind.InvalidData, "plan[1].due" },
        { Plan(("2026-03-01", 100m)), RefusalKind.InvalidData, "plan[0].due" },
        { Plan(("2026-04-30", 0m)), RefusalKind.InvalidData, "plan[0].amount" },
        { Plan(("2026-04-30", -5m)), RefusalKind.InvalidData, "plan[0].amount" },
        { Items(new() { ["due"] = "2026-04-30", ["amount"] = 1m, ["rate"] = 2m }), RefusalKind.InvalidData, "plan[0].rate" },
        { Items(new() { ["due"] = "2026-04-30" }), RefusalKind.MissingData, "plan[0].amount" },
        { Items(new() { ["due"] = "April", ["amount"] = 1m }), RefusalKind.InvalidData, "plan[0].due" },
        { RecordList.Empty, RefusalKind.MissingData, "plan" },
        { null, RefusalKind.MissingData, "plan" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Fire_PlanNotAscendingPositiveAndComplete_IsRefusedNamingTheItemAndMember(RecordList? plan, RefusalKind kind, string subject)
    {
        var started = MiniEngine.Start("mini", null, "S-1", Clerk, Monday).Case;

        var result = plan is null ? Fire(started, "Arrange", Monday) : Fire(started, "Arrange", Monday, ("plan", (object?)plan));

        Assert.False(result.Accepted);
        Assert.Same(started, result.Case);
        Assert.Equal((kind, subject), result.Refusals.Select(r => (r.Kind, r.Subject)).Single());
    }

    [Fact]
    public void Fire_PartialAmounts_AccumulateAndMeetTheItemWhenFullyPaidClosingOnlyItsDeadline()
    {
        var paying = Arranged(Monday, ThreeItems).Case;

        var partial = Fire(paying, "Pay", Monday, ("number", 2L), ("amount", 150m));
        Assert.True(partial.Accepted);
        Assert.Empty(partial.DeadlinesClosed);
        Assert.Equal(150m, partial.Case.Schedules[0].Items[1].Performed);

        var over = Fire(partial.Case, "Pay", Monday, ("number", 2L), ("amount", 60m));
        Assert.Equal((RefusalKind.InvalidData, "amount"), over.Refusals.Select(r => (r.Kind, r.Subject)).Single());

        var rest = Fire(partial.Case, "Pay", Monday, ("number", 2L), ("amount", 50m));
        Assert.Equal(["mini/plan@2#1"], rest.DeadlinesClosed.Select(d => d.Key));
        Assert.True(rest.Case.Schedules[0].Items[1].IsMet);
        Assert.Equal(2, rest.Case.ActiveDeadlines.Count());

        var again = Fire(rest.Case, "Pay", Monday, ("number", 2L), ("amount", 1m));
        Assert.Equal((RefusalKind.InvalidData, "number"), again.Refusals.Select(r => (r.Kind, r.Subject)).Single());
        var unknown = Fire(rest.Case, "Pay", Monday, ("number", 9L), ("amount", 1m));
        Assert.Equal((RefusalKind.InvalidData, "number"), unknown.Refusals.Select(r => (r.Kind, r.Subject)).Single());
    }

    [Fact]
    public void Fire_LastItemMet_FiresTheCompletionTriggerAndClosesThePlan()
    {
        var paying = Arranged(Monday, Plan(("2026-03-31", 100m), ("2026-04-30", 200m))).Case;
        var first = Fire(paying, "Pay", Monday, ("number", 1L), ("amount", 100m));
        Assert.Empty(first.FollowUps);

        var last = Fire(first.Case, "Pay", Monday, ("number", 2L), ("amount", 200m));

        Assert.Equal("Paid", Assert.Single(last.FollowUps).Trigger);
        Assert.Equal("Visiting", last.Case.State);
        Assert.All(last.Case.Deadlines.Where(d => d.DeadlineId == "plan"), d => Assert.Equal(DeadlineStatus.Closed, d.Status));
        var month = Assert.Single(last.Case.ActiveDeadlines);
        Assert.Equal(("mini/visits@2026-03#1", At(2026, 4, 1)), (month.Key, month.Due));
    }

    [Fact]
    public void Tick_OneItemMissed_FiresTheOverdueTriggerForThatItemOnlyAndLeavingClosesTheOthers()
    {
        var paying = Arranged(Monday, ThreeItems).Case;
        paying = Fire(paying, "Pay", Monday, ("number", 1L), ("amount", 100m)).Case;

        var tick = Deadlines.Tick(paying, At(2026, 5, 2, 9));

        Assert.Equal(
            [(DeadlineEventKind.Reminder, "mini/plan@2#1", At(2026, 4, 28)), (DeadlineEventKind.Overdue, "mini/plan@2#1", At(2026, 5, 1))],
            tick.Events.Select(e => (e.Kind, e.Deadline.Key, e.ScheduledAt)));
        Assert.Equal("Missed", tick.Events[1].AutoFire!.Trigger);
        Assert.True(tick.Events[1].AutoFire!.Accepted);
        Assert.Equal("Done", tick.Case.State);
        Assert.Contains("clerk", tick.Case.Supervision);
        Assert.Empty(tick.Case.ActiveDeadlines);
        Assert.Null(tick.Case.Deadlines.Single(d => d.Key == "mini/plan@3#1").OverdueHandledAt);
    }

    [Fact]
    public void Fire_MonthlyMinimumReached_ClosesTheMonthAndOpensTheNext()
    {
        var visiting = Visiting();

        var logged = Fire(visiting, "Log", At(2026, 3, 10, 9), ("visits", Visits(("2026-03-05", 2.5m), ("2026-03-10", 3m))));

        Assert.True(logged.Accepted, string.Join("; ", logged.Refusals));
        Assert.Equal(["mini/visits@2026-03#1"], logged.DeadlinesClosed.Select(d => d.Key));
        var april = Assert.Single(logged.DeadlinesOpened);
        Assert.Equal(("mini/visits@2026-04#1", At(2026, 5, 1), At(2026, 3, 10, 9)), (april.Key, april.Due, april.OpenedAt));
        Assert.Equal(5.5m, logged.Case.Data["visitedHours"]);
    }

    [Fact]
    public void Tick_MonthWithoutTheMinimum_RemindsEscalatesOnceAndOpensTheNextMonthFromTheTick()
    {
        var april = Fire(Visiting(), "Log", At(2026, 3, 10, 9), ("visits", Visits(("2026-03-05", 2m), ("2026-03-10", 2m)))).Case;
        april = Fire(april, "Log", At(2026, 4, 3, 9), ("visits", Visits(("2026-04-03", 2m)))).Case;

        var tick = Deadlines.Tick(april, At(2026, 5, 3, 9));

        Assert.Equal(
            [(DeadlineEventKind.Reminder, "mini/visits@2026-04#1", At(2026, 4, 26)), (DeadlineEventKind.Overdue, "mini/visits@2026-04#1", At(2026, 5, 1))],
            tick.Events.Select(e => (e.Kind, e.Deadline.Key, e.ScheduledAt)));
        Assert.Equal("clerk", tick.Events[1].EscalatedTo);
        var may = tick.Case.Deadlines.Single(d => d.Key == "mini/visits@2026-05#1");
        Assert.Equal((DeadlineStatus.Open, At(2026, 6, 1), At(2026, 5, 3, 9)), (may.Status, may.Due, may.OpenedAt));
        Assert.Equal(tick.Case.Version, april.Version + 2);

        var later = Deadlines.Tick(tick.Case, At(2026, 5, 20, 9));
        Assert.Empty(later.Events);
    }

    [Fact]
    public void Tick_LateByTwoMonths_EscalatesEachMissedMonthOnceAndOpensTheCurrentOne()
    {
        var april = Fire(Visiting(), "Log", At(2026, 3, 10, 9), ("visits", Visits(("2026-03-05", 2m), ("2026-03-10", 2m)))).Case;

        var tick = Deadlines.Tick(april, At(2026, 6, 5, 9));

        Assert.Equal(
            ["mini/visits@2026-04#1", "mini/visits@2026-05#1"],
            tick.Events.Where(e => e.Kind == DeadlineEventKind.Overdue).Select(e => e.Deadline.Key));
        var june = Assert.Single(tick.Case.Deadlines, d => d.Status == DeadlineStatus.Open);
        Assert.Equal(("mini/visits@2026-06#1", At(2026, 7, 1)), (june.Key, june.Due));
    }

    [Fact]
    public void Fire_VisitDatedAfterToday_IsRefused()
    {
        var result = Fire(Visiting(), "Log", At(2026, 3, 10, 9), ("visits", Visits(("2026-03-11", 2m))));

        Assert.Equal((RefusalKind.InvalidData, "visits[0].date"), result.Refusals.Select(r => (r.Kind, r.Subject)).Single());
    }

    [Fact]
    public void Extension_OfAnItemDeadline_MovesItLikeAnyDeadline()
    {
        var paying = Arranged(Monday, ThreeItems).Case;

        var requested = Deadlines.RequestExtension(paying, "mini/plan@1#1", new DeadlineExtension(null, new LocalDate(2026, 4, 15), "guarantee renewed"), Clerk, Monday);
        var approved = Deadlines.ApproveExtension(requested.Case, "mini/plan@1#1", new Actor("c2", "clerk"), Monday);

        Assert.True(approved.Accepted, string.Join("; ", approved.Refusals));
        Assert.Equal(At(2026, 4, 16), approved.After!.Due);
    }

    [Fact]
    public void RecomputeProvisional_ItemDeadlinesInAnUnpublishedYear_StayAsTheyAre()
    {
        var paying = Arranged(Monday, Plan(("2027-03-31", 100m))).Case;
        Assert.True(Assert.Single(paying.ActiveDeadlines).Provisional);

        var recomputed = Deadlines.RecomputeProvisional(paying);

        Assert.Same(paying, recomputed.Case);
    }

    private static RecordList Items(Dictionary<string, object?> item) => RecordList.From([item]);

    /// <summary>The plan paid in full on Monday: the case is in Visiting with March's deadline open.</summary>
    private static CaseInstance Visiting()
    {
        var paying = Arranged(Monday, Plan(("2026-03-31", 100m))).Case;
        var paid = Fire(paying, "Pay", Monday, ("number", 1L), ("amount", 100m));
        Assert.Equal("Visiting", paid.Case.State);
        return paid.Case;
    }
}
