using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Execution;

public sealed class WorkflowEngineExtendTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant Start = new LocalDateTime(2026, 3, 2, 10, 0).InZoneStrictly(Shanghai).ToInstant();
    private static readonly Actor Requester = new("u1", "handlingDepartment");
    private static readonly Actor Approver = new("u2", "handlingDepartment");
    private const string Key = "claim/preliminaryCheck#1";

    private readonly WorkflowEngine _engine = new(ShippedCatalog.Catalog);
    private readonly DeadlineEngine _deadlines;

    public WorkflowEngineExtendTests() => _deadlines = new DeadlineEngine(_engine);

    private CaseInstance Checking()
    {
        var started = _engine.Start("claim", null, "C-9", Requester, Start, new Dictionary<string, object?>
        {
            ["channel"] = "complaintOrReport",
            ["domain"] = "waterResources",
            ["jurisdiction"] = "chongchuan",
        }).Case;
        return _engine.Fire(started, new FireRequest("StartPreliminaryCheck", Requester, Start)).Case;
    }

    private static Instant Local(int month, int day) => new LocalDateTime(2026, month, day, 0, 0).InZoneStrictly(Shanghai).ToInstant();

    [Fact]
    public void Extend_WorkingDaysOverTheQingmingHoliday_MovesDueAndReminders()
    {
        var requested = _deadlines.RequestExtension(Checking(), Key, new DeadlineExtension("5wd", null, "补充监测"), Requester, Start);
        var approved = _deadlines.ApproveExtension(requested.Case, Key, Approver, Start.Plus(Duration.FromDays(1)));

        Assert.True(approved.Accepted, string.Join("; ", approved.Refusals));
        var moved = approved.After!;
        // From last day 04-01: 04-02, 04-03, (04-04…06 Qingming holiday), 04-07, 04-08, 04-09.
        Assert.Equal(new LocalDate(2026, 4, 9), moved.LastDay);
        Assert.Equal(Local(4, 10), moved.Due);
        Assert.Equal([Local(4, 3), Local(4, 9)], moved.Reminders.Select(r => r.At));
        Assert.Null(moved.PendingExtension);
        Assert.Equal(requested.Case.Version + 1, approved.Case.Version);
        Assert.Empty(_deadlines.Tick(approved.Case, Local(4, 2).Plus(Duration.FromHours(1))).Events);
        Assert.Contains(_deadlines.Tick(approved.Case, Local(4, 10)).Events, e => e.Kind == DeadlineEventKind.Overdue);
    }

    [Fact]
    public void Extend_ClosedDeadline_IsRefused()
    {
        var @case = Checking();
        var closed = @case with { Deadlines = @case.Deadlines.SetItem(0, @case.Deadlines[0] with { Status = DeadlineStatus.Closed }) };

        var result = _deadlines.RequestExtension(closed, Key, new DeadlineExtension("5d", null, "r"), Requester, Start);

        Assert.False(result.Accepted);
        Assert.Same(closed, result.Case);
        Assert.Equal(RefusalKind.NotPermittedInState, Assert.Single(result.Refusals).Kind);
    }

    [Theory]
    [InlineData("-5d", null, "period")]
    [InlineData(null, "2026-03-01", "lastDay")]
    [InlineData(null, "2026-03-31", "lastDay")]
    [InlineData("5d", "2026-05-01", "period")]
    public void RequestExtension_BadPeriodOrDate_IsRefusedWithoutChange(string? period, string? lastDay, string subject)
    {
        var @case = Checking();
        var date = lastDay is null ? (LocalDate?)null : NodaTime.Text.LocalDatePattern.Iso.Parse(lastDay).Value;

        var result = _deadlines.RequestExtension(@case, Key, new DeadlineExtension(period, date, "r"), Requester, Start);

        Assert.False(result.Accepted);
        Assert.Same(@case, result.Case);
        Assert.Equal(subject, Assert.Single(result.Refusals).Subject);
    }

    // Issue 13: any caller could ask for an extension; only a role firing a trigger of the deadline's state may.
    [Fact]
    public void RequestExtension_ByARoleFiringNoTriggerOfTheState_IsRefusedWithoutChange()
    {
        var @case = Checking();

        var result = _deadlines.RequestExtension(@case, Key, new DeadlineExtension("5d", null, "r"), new Actor("a1", "auditor"), Start);

        Assert.False(result.Accepted);
        Assert.Same(@case, result.Case);
        Assert.Equal((RefusalKind.RoleNotAllowed, "role"), Assert.Single(result.Refusals) is var r ? (r.Kind, r.Subject) : default);
    }

    // Issue 13: an extension to 2999-12-31 was accepted; at most MaxExtension (one year by default) beyond the current last day.
    [Theory]
    [InlineData(null, "2999-12-31", "lastDay")]
    [InlineData("13m", null, "period")]
    [InlineData(null, "2027-04-02", "lastDay")]
    public void RequestExtension_BeyondTheMaximum_IsRefusedWithoutChange(string? period, string? lastDay, string subject)
    {
        var @case = Checking();
        var date = lastDay is null ? (LocalDate?)null : NodaTime.Text.LocalDatePattern.Iso.Parse(lastDay).Value;

        var result = _deadlines.RequestExtension(@case, Key, new DeadlineExtension(period, date, "r"), Requester, Start);

        Assert.False(result.Accepted);
        Assert.Same(@case, result.Case);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(subject, refusal.Subject);
        Assert.Contains("latest", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestExtension_ExactlyTheMaximum_IsAccepted()
    {
        var result = _deadlines.RequestExtension(Checking(), Key, new DeadlineExtension(null, new LocalDate(2027, 4, 1), "r"), Requester, Start);

        Assert.True(result.Accepted, string.Join("; ", result.Refusals));
    }
}
