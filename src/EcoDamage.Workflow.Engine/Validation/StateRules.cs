using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>Rules on states: nesting, transitions, actions, deadlines and their anchors and overdue handling.</summary>
internal sealed class StateRules
{
    private readonly ValidationRun _run;
    private readonly CallRules _calls;

    public StateRules(ValidationRun run, CallRules calls)
    {
        _run = run;
        _calls = calls;
    }

    /// <summary>Checks every state, in file order.</summary>
    public void CheckStates()
    {
        if (_run.States.Find(_run.Definition.Initial.Text) is not { } initial)
        {
            _run.Unknown("WF011", "state", _run.Definition.Initial, _run.States.States.Keys);
        }
        else if (_run.States.ParentOf(initial.Id) is not null)
        {
            _run.Problems.Error("WF025", $"initial state '{initial.Id}' must be a top-level state", _run.Definition.Initial.Position);
        }

        foreach (var state in _run.Definition.AllStates())
        {
            _run.CheckImplements(state.Implements);
            if (state.Owner is { } owner)
            {
                _run.CheckRole(owner);
            }

            CheckNesting(state);
            foreach (var transition in state.Transitions)
            {
                CheckTransition(state, transition);
            }

            foreach (var action in state.OnEntry.Concat(state.OnExit))
            {
                CheckAction(action);
            }

            foreach (var deadline in state.Deadlines)
            {
                CheckDeadline(state, deadline);
            }

            CheckDeadlineIds(state);

            if (state.Call is { } call)
            {
                _calls.CheckCall(state, call);
            }
        }
    }

    /// <summary>Deadline ids are unique across the definition: deadline instances are keyed by them.</summary>
    private void CheckDeadlineIds(StateDefinition state)
    {
        foreach (var deadline in state.Deadlines.Concat(state.Transitions.SelectMany(t => t.Deadlines)))
        {
            if (!_run.DeadlineIds.Add(deadline.Id))
            {
                _run.Problems.Error("WF010", $"deadline id '{deadline.Id}' is declared more than once in the definition", deadline.Position);
            }
        }
    }

    private void CheckNesting(StateDefinition state)
    {
        if (state.Substates.Count > 0 && state.Initial is null)
        {
            _run.Problems.Error("WF024", $"state '{state.Id}' has sub-states but no 'initial' sub-state", state.Position);
        }
        else if (state.Initial is { } initial)
        {
            var sub = _run.States.Find(initial.Text);
            if (sub is null || _run.States.ParentOf(sub.Id) != state)
            {
                _run.Problems.Error("WF025", $"initial '{initial.Text}' of state '{state.Id}' is not one of its sub-states", initial.Position);
            }
        }

        if (state.Terminal && (state.Substates.Count > 0 || state.Transitions.Count > 0 || state.Call is not null))
        {
            _run.Problems.Error("WF023", $"terminal state '{state.Id}' cannot have sub-states, transitions or a call", state.Position);
        }

        if (state.Call is not null && state.Substates.Count > 0)
        {
            _run.Problems.Error("WF062", $"state '{state.Id}' calls a sub-process and so cannot have sub-states", state.Position);
        }
    }

    private void CheckTransition(StateDefinition state, TransitionDefinition transition)
    {
        _run.CheckImplements(transition.Implements);
        if (!_run.Triggers.ContainsKey(transition.Trigger.Text))
        {
            _run.Unknown("WF012", "trigger", transition.Trigger, _run.Triggers.Keys);
        }
        else
        {
            _run.UsedTriggers.Add(transition.Trigger.Text);
        }

        // A transition's deadlines live in its target state (an internal transition's, in the state itself).
        StateDefinition? scope = state;
        if (transition.Target is { } target && (scope = _run.States.Find(target.Text)) is null)
        {
            _run.Unknown("WF011", "state", target, _run.States.States.Keys);
        }

        foreach (var deadline in transition.Deadlines)
        {
            if (scope is not null)
            {
                CheckDeadline(scope, deadline);
            }
        }

        _run.CheckRequirements(transition.Requires);
        foreach (var action in transition.Actions)
        {
            CheckAction(action);
        }

        foreach (var assignment in transition.Set)
        {
            if (_run.CheckField(assignment.Field) is { Lookup: not null })
            {
                _run.Problems.Error("WF017", $"field '{assignment.Field.Text}' is derived from a table and cannot be assigned", assignment.Field.Position);
            }
        }
    }

    private void CheckAction(ActionDefinition action)
    {
        _run.CheckImplements(action.Implements);
        if (action.Kind != ActionKind.Publish)
        {
            _run.CheckRole(action.Target);
        }
        else if (!Loading.DefinitionReader.IsIdentifier(action.Target.Text))
        {
            _run.Problems.Error("WF004", $"event name '{action.Target.Text}' must be an identifier", action.Target.Position);
        }
    }

    internal void CheckDeadline(StateDefinition state, DeadlineDefinition deadline)
    {
        _run.CheckImplements(deadline.Implements);
        LegalPeriod period = default;
        string? error = null;
        var periodOk = deadline.Period is { } p && LegalPeriod.TryParse(p.Text, out period, out error);
        if (deadline.Period is { } bad && !periodOk)
        {
            _run.Problems.Error("WF041", $"period of deadline '{deadline.Id}': {error}", bad.Position);
        }

        if (deadline.DueField is { } dueField && _run.CheckField(dueField) is { } df && df.Type != DataType.Date)
        {
            _run.Problems.Error("WF045", $"deadline '{deadline.Id}' is due on field '{dueField.Text}', which is {df.Type.ToString().ToLowerInvariant()}, not a date", dueField.Position);
        }

        foreach (var reminder in deadline.Reminders)
        {
            if (!LegalPeriod.TryParse(reminder.Text, out var before, out var reminderError))
            {
                _run.Problems.Error("WF041", $"reminder of deadline '{deadline.Id}': {reminderError}", reminder.Position);
            }
            else if (periodOk && ApproximateDays(before) >= ApproximateDays(period))
            {
                _run.Problems.Error("WF043", $"reminder '{reminder.Text}' of deadline '{deadline.Id}' is not shorter than its period '{deadline.Period}'", reminder.Position);
            }
        }

        if (deadline.RemindRole is { } remindRole)
        {
            _run.CheckRole(remindRole);
        }
        else if (deadline.Reminders.Count > 0 && state.Owner is null)
        {
            _run.Problems.Error("WF046", $"deadline '{deadline.Id}' has reminders but neither a 'remindRole' nor an owner on state '{state.Id}'", deadline.Position);
        }

        CheckAnchor(deadline);
        CheckOverdue(state, deadline);
    }

    private void CheckAnchor(DeadlineDefinition deadline)
    {
        if (deadline.Anchor is { Kind: AnchorKind.Field, Name: { } field })
        {
            if (_run.CheckField(field) is { } f && f.Type != DataType.Date)
            {
                _run.Problems.Error("WF045", $"deadline '{deadline.Id}' counts from field '{field.Text}', which is {f.Type.ToString().ToLowerInvariant()}, not a date", field.Position);
            }
        }
        else if (deadline.Anchor is { Kind: AnchorKind.Document, Name: { } doc } && !_run.Documents.Contains(doc.Text))
        {
            _run.Unknown("WF014", "document", doc, _run.Documents);
        }
    }

    private void CheckOverdue(StateDefinition state, DeadlineDefinition deadline)
    {
        if (deadline.Overdue is not { } overdue || (overdue.Escalate is null && overdue.Fire is null))
        {
            _run.Problems.Error("WF040", $"deadline '{deadline.Id}' has no overdue action (escalate, fire or both)", deadline.Position);
            return;
        }

        if (overdue.Escalate is { } escalate)
        {
            _run.CheckRole(escalate);
        }

        if (overdue.Fire is not { } fire)
        {
            return;
        }

        if (!_run.Triggers.TryGetValue(fire.Text, out var trigger))
        {
            _run.Unknown("WF012", "trigger", fire, _run.Triggers.Keys);
            return;
        }

        if (!trigger.Roles.Any(r => r.Text == RoleCatalog.System))
        {
            _run.Problems.Error("WF044", $"deadline '{deadline.Id}' fires '{fire.Text}', whose roles do not include 'system'", fire.Position);
        }

        if (!_run.States.SelfAndAncestors(state).Any(s => s.Transitions.Any(t => t.Trigger.Text == fire.Text)))
        {
            _run.Problems.Error("WF042", $"deadline '{deadline.Id}' fires '{fire.Text}', which state '{state.Id}' does not handle", fire.Position);
        }
    }

    private static int ApproximateDays(LegalPeriod period) => period.Unit switch
    {
        PeriodUnit.Months => period.Amount * 28,
        PeriodUnit.WorkingDays => period.Amount * 7 / 5,
        _ => period.Amount,
    };
}
