using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Simulation;

public sealed partial class ScenarioRunner
{
    /// <summary>One run: the clock, the case and the timeline.</summary>
    private sealed partial class Playback(ScenarioRunner owner, Scenario scenario, CompiledWorkflow root, DateTimeZone zone)
    {
        private readonly List<TimelineEntry> _timeline = [];
        private Instant _clock = scenario.Start.InZoneLeniently(zone).ToInstant();
        private CaseInstance? _case;
        private SourcePosition? _step;
        private int _historySeen;

        public ScenarioResult Play(IReadOnlyList<Problem> problems)
        {
            var started = owner.Engine.Start(
                root.Definition.Id, root.Definition.Version, scenario.CaseId, new Actor(scenario.StartedBy.Text, scenario.StartedBy.Text), _clock,
                scenario.Data.ToDictionary(d => d.Field.Text, d => (object?)d.Value, StringComparer.Ordinal));
            if (!started.Accepted)
            {
                Add(TimelineKind.Refused, "start refused: " + Reasons(started), failure: true, @case: started.Case);
                return new ScenarioResult(problems, _timeline, null, zone);
            }

            _case = started.Case;
            Add(TimelineKind.Started, $"case {scenario.CaseId} started on {root.Key} ({root.Definition.Title.For(owner._culture)}) by {Role(scenario.StartedBy.Text)}"
                + Changes(started.Changes));
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
            var result = owner.Engine.Fire(_case!, new FireRequest(
                step.Trigger.Text, new Actor(step.ActorId ?? step.Role.Text, step.Role.Text), _clock,
                step.Data.ToDictionary(d => d.Field.Text, d => (object?)d.Value, StringComparer.Ordinal)));
            if (!result.Accepted)
            {
                Add(TimelineKind.Refused, $"{Trigger(step.Trigger.Text)} by {Role(step.Role.Text)} refused: {Reasons(result)}"
                    + (step.ExpectRefused ? " (as expected)" : string.Empty), failure: !step.ExpectRefused);
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
                Add(TimelineKind.ExpectationFailed, $"cannot move the clock back to {Local(target)}", failure: true);
                return false;
            }

            for (var n = 0; n < MaxTicksPerAdvance && _case!.NextDeadlineEventAt() is { } next && next <= target; n++)
            {
                _clock = next;
                var before = _case;
                var tick = owner._deadlines.Tick(_case, next);
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
            Add(TimelineKind.ClockAdvanced, $"clock at {Local(target)}");
            return true;
        }

        private bool Attach(AttachStep step)
        {
            var servedOn = step.ServedOn ?? _clock.InZone(zone).Date;
            var result = owner.Engine.AttachDocument(_case!, step.Document.Text, servedOn, step.Reference, new Actor(step.Role.Text, step.Role.Text), _clock);
            if (!result.Accepted)
            {
                Add(TimelineKind.Refused, $"attaching {step.Document.Text} refused: {Reasons(result)}", failure: true);
                return false;
            }

            _case = result.Case;
            Add(TimelineKind.DocumentAttached, $"{Document(step.Document.Text)} attached, served on {servedOn:yyyy-MM-dd}");
            return true;
        }

        private bool Expect(ExpectStep step)
        {
            var @case = _case!;
            var failures = new List<string>();
            var held = new List<string>();
            if (step.State is { } state)
            {
                var inState = @case.Frames.Any(f => owner.Engine.Workflow(f) is var w && w.States.Find(f.State) is { } leaf
                    && w.States.SelfAndAncestors(leaf).Any(s => s.Id == state.Text));
                (inState ? held : failures).Add(inState ? $"in state {state.Text}" : $"expected state {state.Text}, but the case is in {string.Join(" / ", @case.States)}");
            }

            if (step.Closed is { } closed)
            {
                var isClosed = owner.Engine.IsClosed(@case);
                (isClosed == closed ? held : failures).Add(isClosed == closed ? (closed ? "closed" : "open") : $"expected the case {(closed ? "closed" : "open")}, but it is {(isClosed ? "closed" : "open")}");
            }

            if (step.SupervisedBy is { } role)
            {
                var supervised = @case.Supervision.Contains(role.Text);
                (supervised ? held : failures).Add(supervised ? $"supervised by {role.Text}" : $"expected supervision by {role.Text}, but supervised by [{string.Join(", ", @case.Supervision.Order(StringComparer.Ordinal))}]");
            }

            foreach (var value in step.Data)
            {
                var actual = @case.Data.TryGetValue(value.Field.Text, out var v) ? Text(v) : null;
                (actual == value.Value ? held : failures).Add(actual == value.Value
                    ? $"{value.Field.Text} = {value.Value}"
                    : $"expected {value.Field.Text} = {value.Value}, but it is {actual ?? "(no value)"}");
            }

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
                Add(TimelineKind.Reminder, $"reminder {evt.Offset} before due: {DeadlineName(d)} due {Local(d.Due)}, sent to {Role(evt.Role)}", lateness: evt.Lateness);
                return;
            }

            Add(TimelineKind.Overdue, $"overdue: {DeadlineName(d)} was due {Local(d.Due)}", lateness: evt.Lateness);
            if (evt.Deadline is not null && _case!.History.LastOrDefault(h => h.Kind == HistoryKind.Escalated && h.Trigger == d.Key) is { } escalation
                && escalation.Changes.TryGetValue("escalatedTo", out var to))
            {
                var basis = evt.Basis is { } b ? $"; basis: {b.For(owner._culture)}" : string.Empty;
                Add(TimelineKind.Escalated, $"escalated to {Role(to as string)}{basis}", lateness: evt.Lateness);
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
                    Add(TimelineKind.Refused, $"auto-fire {Trigger(fire.Trigger)} refused: {Reasons(fire)}");
                }
            }
        }

        private void Fired(FireResult result, string role)
        {
            var path = result.Entered.Count == 0 ? $"stays in {result.From}" : $"{result.From} → {string.Join(" › ", result.Entered)}";
            Add(TimelineKind.Fired, $"{Trigger(result.Trigger)} by {Role(role)}: {path}{Changes(result.Changes)}", @case: result.FollowUps.Count > 0 ? StateAfterOwnStep(result) : null);
            Effects(result);
            foreach (var followUp in result.FollowUps)
            {
                if (followUp.Accepted)
                {
                    Fired(followUp, RoleCatalog.System);
                }
                else
                {
                    Add(TimelineKind.Refused, $"sub-process outcome {Trigger(followUp.Trigger)} refused: {Reasons(followUp)}", failure: true);
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
                    Add(TimelineKind.CallStarted, $"sub-process {history[_historySeen].DefinitionKey} started in {history[_historySeen].To}");
                }
            }
        }

        private static CaseInstance? StateAfterOwnStep(FireResult result) => result.FollowUps[0].Accepted ? null : result.Case;

        private void Effects(FireResult result)
        {
            foreach (var closed in result.DeadlinesClosed)
            {
                var late = closed.ClosedAt is { } at && (at > closed.Due || closed.OverdueHandledAt is not null) ? at - closed.Due : (Duration?)null;
                Add(TimelineKind.DeadlineClosed, $"deadline closed: {DeadlineName(closed)}{(late is null ? " (in time)" : " (after its due date)")}", lateness: late);
            }

            foreach (var opened in result.DeadlinesOpened)
            {
                var reminders = opened.Reminders.Length == 0 ? string.Empty : $"; reminders {string.Join(", ", opened.Reminders.Select(r => $"{r.Offset} ({Local(r.At)})"))}";
                Add(TimelineKind.DeadlineOpened,
                    $"deadline opened: {DeadlineName(opened)} due {Local(opened.Due)} (last day {opened.LastDay:yyyy-MM-dd}){(opened.Provisional ? ", provisional: holiday calendar not yet published" : string.Empty)}{reminders}");
            }

            foreach (var action in result.Actions)
            {
                var target = action.Kind == ActionKind.Publish ? action.Target : Role(action.Target);
                var note = action.Note is { } n ? $": {n.For(owner._culture)}" : string.Empty;
                Add(TimelineKind.Action, $"{Verb(action.Kind)} {target}{note} [{action.Source}]");
            }
        }
    }
}
