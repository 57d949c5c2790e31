using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;
using Xunit;

namespace EcoDamage.Workflow.TestUtils;

/// <summary>
/// Drives one case through the shipped workflows on a virtual clock (Asia/Shanghai): fire triggers,
/// attach documents, let time pass (ticking the engine at every due instant on the way), and read back
/// the visited states, the deadlines opened and the deadline events.
/// </summary>
public sealed class CaseDriver
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private readonly List<DeadlineInstance> _opened = [];
    private readonly List<DeadlineEvent> _events = [];

    private CaseDriver(WorkflowEngine engine, CaseInstance @case, Instant now)
    {
        Engine = engine;
        Deadlines = new DeadlineEngine(engine);
        Case = @case;
        Now = now;
    }

    public WorkflowEngine Engine { get; }

    public DeadlineEngine Deadlines { get; }

    public CaseInstance Case { get; private set; }

    public Instant Now { get; private set; }

    public LocalDate Today => Now.InZone(Zone).Date;

    /// <summary>Every deadline opened so far, in opening order.</summary>
    public IReadOnlyList<DeadlineInstance> DeadlinesOpened => _opened;

    /// <summary>Every reminder and overdue event handled while time advanced.</summary>
    public IReadOnlyList<DeadlineEvent> Events => _events;

    /// <summary>The result of the last accepted <see cref="Fire"/>.</summary>
    public FireResult? Last { get; private set; }

    /// <summary>States entered, in order, across all frames (sub-process states included).</summary>
    public IReadOnlyList<string> Visited => VisitedStates.From(Case.History);

    /// <summary>States entered since the last time <paramref name="state"/> was entered (inclusive).</summary>
    public IReadOnlyList<string> VisitedFrom(string state)
    {
        var visited = Visited;
        var start = visited.ToList().LastIndexOf(state);
        Assert.True(start >= 0, $"{state} was never entered: {string.Join(", ", visited)}");
        return visited.Skip(start).ToArray();
    }

    /// <summary>Deadlines opened so far as (deadline id, due instant).</summary>
    public IReadOnlyList<(string Id, Instant Due)> OpenedDue =>
        _opened.Select(d => (d.DeadlineId, d.Due)).ToArray();

    /// <summary>Deadline events as (kind, deadline id, reminder offset or escalation role, scheduled instant).</summary>
    public IReadOnlyList<(DeadlineEventKind Kind, string Id, string Detail, Instant At)> EventLog =>
        _events.Select(e => (e.Kind, e.Deadline.DeadlineId, e.Offset ?? e.Role ?? string.Empty, e.ScheduledAt)).ToArray();

    /// <summary>Roles the case was escalated to, one entry per escalation.</summary>
    public IReadOnlyList<string> Escalations => Case.History
        .Where(h => h.Kind == HistoryKind.Escalated)
        .Select(h => (string)h.Changes["escalatedTo"]!)
        .ToArray();

    /// <summary>Starts a claim at a local date and time in Asia/Shanghai.</summary>
    public static CaseDriver StartClaim(LocalDateTime at, params (string Field, object? Value)[] data)
    {
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var instant = at.InZoneStrictly(Zone).ToInstant();
        var result = engine.Start("claim", null, "case-1", new Actor("user", Roles.Department), instant, ToData(data));
        Assert.True(result.Accepted, Describe(result.Refusals));
        var driver = new CaseDriver(engine, result.Case, instant);
        driver._opened.AddRange(result.DeadlinesOpened);
        return driver;
    }

    /// <summary>Fires a trigger now and asserts it is accepted.</summary>
    public CaseDriver Fire(string trigger, string role, params (string Field, object? Value)[] data)
    {
        var result = Engine.Fire(Case, new FireRequest(trigger, new Actor("user", role), Now, ToData(data)));
        Assert.True(result.Accepted, $"{trigger} in {string.Join(" / ", Case.States)}: {Describe(result.Refusals)}");
        Record(result);
        Last = result;
        Case = result.Case;
        return this;
    }

    /// <summary>Fires a trigger now as <paramref name="actor"/> (a department, a party) and asserts it is accepted.</summary>
    public CaseDriver FireAs(string trigger, Actor actor, params (string Field, object? Value)[] data)
    {
        var result = Engine.Fire(Case, new FireRequest(trigger, actor, Now, ToData(data)));
        Assert.True(result.Accepted, $"{trigger} in {string.Join(" / ", Case.States)}: {Describe(result.Refusals)}");
        Record(result);
        Last = result;
        Case = result.Case;
        return this;
    }

    /// <summary>Fires a trigger now as <paramref name="actor"/>, asserts it is refused and the case unchanged, and returns the refusals.</summary>
    public IReadOnlyList<Refusal> RefusedAs(string trigger, Actor actor, params (string Field, object? Value)[] data)
    {
        var result = Engine.Fire(Case, new FireRequest(trigger, actor, Now, ToData(data)));
        Assert.False(result.Accepted, $"{trigger} was accepted in {string.Join(" / ", Case.States)}");
        Assert.Same(Case, result.Case);
        return result.Refusals;
    }

    /// <summary>Fires a trigger now, asserts it is refused and the case unchanged, and returns the refusals.</summary>
    public IReadOnlyList<Refusal> Refused(string trigger, string role, params (string Field, object? Value)[] data)
    {
        var result = Engine.Fire(Case, new FireRequest(trigger, new Actor("user", role), Now, ToData(data)));
        Assert.False(result.Accepted, $"{trigger} was accepted in {string.Join(" / ", Case.States)}");
        Assert.Same(Case, result.Case);
        return result.Refusals;
    }

    /// <summary>Fires a trigger now in a branch of a multi-instance call (<c>phases/2</c>) and asserts it is accepted.</summary>
    public CaseDriver FireIn(string branch, string trigger, string role, params (string Field, object? Value)[] data)
    {
        var result = Engine.Fire(Case, new FireRequest(trigger, new Actor("user", role), Now, ToData(data)) { Branch = branch });
        Assert.True(result.Accepted, $"{trigger} in {branch}: {Describe(result.Refusals)}");
        Record(result);
        Last = result;
        Case = result.Case;
        return this;
    }

    /// <summary>Fires a trigger now in a branch, asserts it is refused and the case unchanged, and returns the refusals.</summary>
    public IReadOnlyList<Refusal> RefusedIn(string branch, string trigger, string role, params (string Field, object? Value)[] data)
    {
        var result = Engine.Fire(Case, new FireRequest(trigger, new Actor("user", role), Now, ToData(data)) { Branch = branch });
        Assert.False(result.Accepted, $"{trigger} was accepted in {branch}");
        Assert.Same(Case, result.Case);
        return result.Refusals;
    }

    /// <summary>Attaches documents served today.</summary>
    public CaseDriver Attach(params string[] documentTypes)
    {
        foreach (var type in documentTypes)
        {
            Attach(type, (LocalDate?)null);
        }

        return this;
    }

    /// <summary>Attaches a document served on a date (default: today).</summary>
    public CaseDriver Attach(string documentType, LocalDate? servedOn)
    {
        var result = Engine.AttachDocument(Case, documentType, servedOn ?? Today, null, new Actor("user", Roles.Department), Now);
        Assert.True(result.Accepted, Describe(result.Refusals));
        Case = result.Case;
        return this;
    }

    /// <summary>Moves the clock by a period on the local time line.</summary>
    public CaseDriver Advance(Period period) => AdvanceTo(Now.InZone(Zone).LocalDateTime.Plus(period));

    /// <summary>Moves the clock by an exact duration.</summary>
    public CaseDriver Advance(Duration duration) => AdvanceTo(Now.Plus(duration));

    /// <summary>Moves the clock to a local date and time.</summary>
    public CaseDriver AdvanceTo(LocalDateTime target) => AdvanceTo(target.InZoneLeniently(Zone).ToInstant());

    /// <summary>Moves the clock to <paramref name="target"/>, ticking at every due instant on the way.</summary>
    public CaseDriver AdvanceTo(Instant target)
    {
        Assert.True(target >= Now, "the virtual clock only moves forward");
        while (Case.NextDeadlineEventAt() is { } next && next <= target)
        {
            var at = next > Now ? next : Now;
            var tick = Deadlines.Tick(Case, at);
            Assert.NotEmpty(tick.Events);
            _events.AddRange(tick.Events);
            foreach (var fired in tick.Events.Select(e => e.AutoFire).OfType<FireResult>())
            {
                Record(fired);
            }

            Case = tick.Case;
            Now = at;
        }

        Now = target;
        return this;
    }

    /// <summary>An instant from a local date and time in Asia/Shanghai.</summary>
    public static Instant At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone).ToInstant();

    private void Record(FireResult result)
    {
        _opened.AddRange(result.DeadlinesOpened);
        foreach (var followUp in result.FollowUps)
        {
            Record(followUp);
        }
    }

    private static ImmutableDictionary<string, object?> ToData((string Field, object? Value)[] data) =>
        data.ToImmutableDictionary(d => d.Field, d => d.Value, StringComparer.Ordinal);

    private static string Describe(IReadOnlyList<Refusal> refusals) =>
        string.Join("; ", refusals.Select(r => $"{r.Kind}: {r.Message}"));
}
