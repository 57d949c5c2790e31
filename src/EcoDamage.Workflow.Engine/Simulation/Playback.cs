using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>One run of a scenario: the clock, the case and the timeline.</summary>
/// <param name="deadlines">The engine, with its deadline handling.</param>
/// <param name="names">How the timeline shows ids, instants and values.</param>
/// <param name="scenario">The scenario played.</param>
/// <param name="root">The workflow the case starts on.</param>
/// <param name="zone">The zone of the scenario's local times.</param>
internal sealed class Playback(DeadlineEngine deadlines, TimelineText names, Scenario scenario, CompiledWorkflow root, DateTimeZone zone)
{
    private const int MaxTicksPerAdvance = 10_000;

    private readonly List<TimelineEntry> _timeline = [];
    private Instant _clock = scenario.Start.InZoneLeniently(zone).ToInstant();
    private CaseInstance? _case;
    private SourcePosition? _step;
    private int _historySeen;

    /// <summary>Starts the case and plays the steps until the first failure.</summary>
    public ScenarioResult Play(IReadOnlyList<Problem> problems)
    {
        var started = deadlines.Engine.Start(
            root.Definition.Id, root.Definition.Version, scenario.CaseId, new Actor(scenario.StartedBy.Text, scenario.StartedBy.Text), _clock,
            scenario.Data.ToDictionary(d => d.Field.Text, d => d.Input, StringComparer.Ordinal));
        if (!started.Accepted)
        {
            Add(TimelineKind.Refused, "start refused: " + TimelineText.Reasons(started), failure: true, @case: started.Case, subject: "start");
            return new ScenarioResult(problems, _timeline, null, zone);
        }

        _case = started.Case;
        Add(TimelineKind.Started, $"case {scenario.CaseId} started on {root.Key} ({root.Definition.Title.For(names.Culture)}) by {names.Role(scenario.StartedBy.Text)}"
            + TimelineText.Changes(started.Changes), subject: root.Definition.Id);
        Effects(started);
        Calls();
        foreach (var step in scenario.Steps)
        {
            _step = step.Position;
            var ok = step switch
            {
                FireStep fire => Fire(fire),
                AdvanceStep advance => Advance(advance),
                AttachStep attach => Attach(attach),
                ExpectStep expect => Expect(expect),
                _ => false,
            };
            if (!ok)
            {
                break;
            }
        }

        return new ScenarioResult(problems, _timeline, _case, zone);
    }

    private bool Fire(FireStep step)
    {
        var result = deadlines.Engine.Fire(_case!, new FireRequest(
            step.Trigger.Text, new Actor(step.ActorId ?? step.Role.Text, step.Role.Text, step.Department) { Party = step.Party }, _clock,
            step.Data.ToDictionary(d => d.Field.Text, d => d.Input, StringComparer.Ordinal)) { Branch = step.Branch });
        if (!result.Accepted)
        {
            Add(TimelineKind.Refused, $"{names.Trigger(step.Trigger.Text)} by {names.Role(step.Role.Text)} refused: {TimelineText.Reasons(result)}"
                + (step.ExpectRefused ? " (as expected)" : string.Empty), failure: !step.ExpectRefused, subject: step.Trigger.Text);
            return step.ExpectRefused;
        }

        _case = result.Case;
        Fired(result, step.Role.Text);
        Calls();
        if (step.ExpectRefused)
        {
            Add(TimelineKind.ExpectationFailed, $"{step.Trigger.Text} was expected to be refused but was accepted", failure: true);
            return false;
        }

        return true;
    }

    private bool Advance(AdvanceStep step)
    {
        var target = step.By is { } by
            ? _clock.InZone(zone).LocalDateTime.Plus(by).InZoneLeniently(zone).ToInstant()
            : step.Until!.Value.InZoneLeniently(zone).ToInstant();
        if (target < _clock)
        {
            Add(TimelineKind.ExpectationFailed, $"cannot move the clock back to {names.Local(target)}", failure: true);
            return false;
        }

        for (var n = 0; n < MaxTicksPerAdvance && _case!.NextDeadlineEventAt() is { } next && next <= target; n++)
        {
            _clock = next;
            var before = _case;
            var tick = deadlines.Tick(_case, next);
            _case = tick.Case;
            foreach (var evt in tick.Events)
            {
                Deadline(evt);
            }

            if (tick.Events.Count == 0 && ReferenceEquals(before, _case))
            {
                break;
            }
        }

        _clock = target;
        Add(TimelineKind.ClockAdvanced, $"clock at {names.Local(target)}");
        return true;
    }

    private bool Attach(AttachStep step)
    {
        var servedOn = step.ServedOn ?? _clock.InZone(zone).Date;
        var result = deadlines.Engine.AttachDocument(_case!, step.Document.Text, servedOn, step.Reference, new Actor(step.Role.Text, step.Role.Text), _clock);
        if (!result.Accepted)
        {
            Add(TimelineKind.Refused, $"attaching {step.Document.Text} refused: {TimelineText.Reasons(result)}", failure: true, subject: step.Document.Text);
            return false;
        }

        _case = result.Case;
        Add(TimelineKind.DocumentAttached, $"{names.Document(step.Document.Text)} attached, served on {servedOn:yyyy-MM-dd}", subject: step.Document.Text);
        return true;
    }

    private bool Expect(ExpectStep step)
    {
        var (held, failures) = Expectations.Evaluate(step, _case!, deadlines.Engine);
        if (failures.Count > 0)
        {
            Add(TimelineKind.ExpectationFailed, string.Join("; ", failures), failure: true);
            return false;
        }

        Add(TimelineKind.ExpectationMet, "expected: " + string.Join(", ", held));
        return true;
    }

    private void Deadline(DeadlineEvent evt)
    {
        var d = evt.Deadline;
        if (evt.Kind == DeadlineEventKind.Reminder)
        {
            Add(TimelineKind.Reminder, $"reminder {evt.Offset} before due: {names.DeadlineName(d)} due {names.Local(d.Due)}, sent to {names.Role(evt.Role)}", lateness: evt.Lateness, subject: d.Key, due: d.Due);
            return;
        }

        Add(TimelineKind.Overdue, $"overdue: {names.DeadlineName(d)} was due {names.Local(d.Due)}", lateness: evt.Lateness, subject: d.Key, due: d.Due);
        if (evt.Deadline is not null && _case!.History.LastOrDefault(h => h.Kind == HistoryKind.Escalated && h.Trigger == d.Key) is { } escalation
            && escalation.Changes.TryGetValue("escalatedTo", out var to))
        {
            var basis = evt.Basis is { } b ? $"; basis: {b.For(names.Culture)}" : string.Empty;
            Add(TimelineKind.Escalated, $"escalated to {names.Role(to as string)}{basis}", lateness: evt.Lateness, subject: to as string);
        }

        if (evt.AutoFire is { } fire)
        {
            if (fire.Accepted)
            {
                Fired(fire, RoleCatalog.System);
                Calls();
            }
            else
            {
                Add(TimelineKind.Refused, $"auto-fire {names.Trigger(fire.Trigger)} refused: {TimelineText.Reasons(fire)}", subject: fire.Trigger);
            }
        }
    }

    private void Fired(FireResult result, string role)
    {
        var path = result.Entered.Count == 0 ? $"stays in {result.From}" : $"{result.From} → {string.Join(" › ", result.Entered)}";
        Add(TimelineKind.Fired, $"{names.Trigger(result.Trigger)} by {names.Role(role)}: {path}{TimelineText.Changes(result.Changes)}", @case: result.FollowUps.Count > 0 ? StateAfterOwnStep(result) : null, subject: result.Trigger);
        Effects(result);
        foreach (var followUp in result.FollowUps)
        {
            if (followUp.Accepted)
            {
                Fired(followUp, RoleCatalog.System);
            }
            else
            {
                Add(TimelineKind.Refused, $"sub-process outcome {names.Trigger(followUp.Trigger)} refused: {TimelineText.Reasons(followUp)}", failure: true, subject: followUp.Trigger);
            }
        }
    }

    /// <summary>Reports sub-processes started since the last look at the case history.</summary>
    private void Calls()
    {
        var history = _case!.History;
        for (; _historySeen < history.Count; _historySeen++)
        {
            if (history[_historySeen].Kind == HistoryKind.CallStarted)
            {
                Add(TimelineKind.CallStarted, $"sub-process {history[_historySeen].DefinitionKey} started in {history[_historySeen].To}", subject: history[_historySeen].DefinitionKey.Split('@')[0]);
            }
        }
    }

    private static CaseInstance? StateAfterOwnStep(FireResult result) => result.FollowUps[0].Accepted ? null : result.Case;

    private void Effects(FireResult result)
    {
        foreach (var closed in result.DeadlinesClosed)
        {
            var late = closed.ClosedAt is { } at && (at > closed.Due || closed.OverdueHandledAt is not null) ? at - closed.Due : (Duration?)null;
            Add(TimelineKind.DeadlineClosed, $"deadline closed: {names.DeadlineName(closed)}{(late is null ? " (in time)" : " (after its due date)")}", lateness: late, subject: closed.Key, due: closed.Due);
        }

        foreach (var opened in result.DeadlinesOpened)
        {
            var reminders = opened.Reminders.Length == 0 ? string.Empty : $"; reminders {string.Join(", ", opened.Reminders.Select(r => $"{r.Offset} ({names.Local(r.At)})"))}";
            Add(TimelineKind.DeadlineOpened,
                $"deadline opened: {names.DeadlineName(opened)} due {names.Local(opened.Due)} (last day {opened.LastDay:yyyy-MM-dd}){(opened.Provisional ? ", provisional: holiday calendar not yet published" : string.Empty)}{reminders}", subject: opened.Key, due: opened.Due);
        }

        foreach (var action in result.Actions)
        {
            var target = action.Kind == ActionKind.Publish ? action.Target : names.Role(action.Target);
            var note = action.Note is { } n ? $": {n.For(names.Culture)}" : string.Empty;
            Add(TimelineKind.Action, $"{TimelineText.Verb(action.Kind)} {target}{note} [{action.Source}]", subject: $"{TimelineText.Verb(action.Kind)}:{action.Target}");
        }
    }

    private void Add(TimelineKind kind, string details, Duration? lateness = null, bool failure = false, CaseInstance? @case = null, string? subject = null, Instant? due = null)
    {
        // A refused start's case has no frame yet: its entry names no state.
        var current = @case ?? _case;
        var started = current is not null && !current.Frames.IsDefaultOrEmpty;
        var state = started ? string.Join(" / ", current!.States) : string.Empty;
        var name = started ? names.StateName(current!.Frames[^1]) : string.Empty;
        _timeline.Add(new TimelineEntry(_clock, kind, state, name, details, lateness, _step, failure) { Subject = subject, Due = due });
    }
}
