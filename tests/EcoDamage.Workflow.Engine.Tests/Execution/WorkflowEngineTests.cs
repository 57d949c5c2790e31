using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Execution;

public sealed class WorkflowEngineTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant Start = new LocalDateTime(2026, 3, 2, 10, 0).InZoneStrictly(Shanghai).ToInstant();
    private static readonly Actor Department = new("u1", "handlingDepartment");

    private static readonly Dictionary<string, object?> Intake = new()
    {
        ["channel"] = "complaintOrReport",
        ["domain"] = "waterResources",
        ["jurisdiction"] = "chongchuan",
    };

    private readonly WorkflowEngine _engine = new(ShippedCatalog.Catalog);
    private readonly DeadlineEngine _deadlines;

    public WorkflowEngineTests() => _deadlines = new DeadlineEngine(_engine);

    [Fact]
    public void Start_ClaimWithDomain_RoutesToDepartmentAndStartsInScreening()
    {
        var result = _engine.Start("claim", null, "C-1", Department, Start, Intake);

        Assert.True(result.Accepted, string.Join("; ", result.Refusals));
        Assert.Equal("ClueScreening", result.Case.State);
        Assert.Equal("waterBureau", result.Case.Data["routedDepartment"]);
        Assert.Equal(1, result.Case.Version);
    }

    [Fact]
    public void Start_ClaimWithoutChannelOrJurisdiction_IsRefusedWithEveryMissingField()
    {
        var result = _engine.Start("claim", null, "C-4", Department, Start, new Dictionary<string, object?> { ["domain"] = "forestry" });

        Assert.False(result.Accepted);
        Assert.Equal(
            [(RefusalKind.MissingData, "channel"), (RefusalKind.MissingData, "jurisdiction")],
            result.Refusals.Select(r => (r.Kind, r.Subject)));
    }

    [Fact]
    public void Fire_OnTheEmptyCaseOfARefusedStart_IsABugNotARefusal()
    {
        var refused = _engine.Start("claim", null, "C-6", Department, Start);
        Assert.False(refused.Accepted);

        var error = Assert.Throws<ArgumentException>(() => _engine.Fire(refused.Case, new FireRequest("StartPreliminaryCheck", Department, Start)));

        Assert.Contains("never started", error.Message);
    }

    [Fact]
    public void Start_ByObligorOrWithUndeclaredInput_IsRefused()
    {
        var data = new Dictionary<string, object?>(Intake) { ["assessedDamage"] = 1m };

        var result = _engine.Start("claim", null, "C-5", new Actor("o", "obligor"), Start, data);

        Assert.Equal(
            [RefusalKind.RoleNotAllowed, RefusalKind.InvalidData],
            result.Refusals.Select(r => r.Kind));
    }

    [Fact]
    public void Fire_WrongRole_RefusesAndLeavesCaseUnchanged()
    {
        var started = _engine.Start("claim", null, "C-2", Department, Start, Intake).Case;

        var result = _engine.Fire(started, new FireRequest("StartPreliminaryCheck", new Actor("p", "procuratorate"), Start));

        Assert.False(result.Accepted);
        Assert.Same(started, result.Case);
        Assert.Equal(RefusalKind.RoleNotAllowed, Assert.Single(result.Refusals).Kind);
    }

    [Fact]
    public void Tick_PreliminaryCheckOverdue_RemindsTwiceThenEscalatesOnce()
    {
        var started = _engine.Start("claim", null, "C-3", Department, Start, Intake).Case;
        var checking = _engine.Fire(started, new FireRequest("StartPreliminaryCheck", Department, Start));
        var deadline = Assert.Single(checking.DeadlinesOpened);
        Assert.Equal(new LocalDateTime(2026, 4, 2, 0, 0).InZoneStrictly(Shanghai).ToInstant(), deadline.Due);

        var tick = _deadlines.Tick(checking.Case, Start.Plus(Duration.FromDays(40)));
        var again = _deadlines.Tick(tick.Case, Start.Plus(Duration.FromDays(41)));

        Assert.Equal(
            [DeadlineEventKind.Reminder, DeadlineEventKind.Reminder, DeadlineEventKind.Overdue],
            tick.Events.Select(e => e.Kind));
        Assert.Contains("procuratorate", tick.Case.Supervision);
        Assert.Empty(again.Events);
        Assert.Single(tick.Case.History, h => h.Kind == HistoryKind.Escalated);
    }
}
