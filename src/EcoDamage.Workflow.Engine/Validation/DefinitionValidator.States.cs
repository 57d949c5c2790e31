using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Validation;

internal sealed partial class DefinitionValidator
{
    private void CheckStates()
    {
        if (_states.Find(_def.Initial.Text) is not { } initial)
        {
            Unknown("WF011", "state", _def.Initial, _states.States.Keys);
        }
        else if (_states.ParentOf(initial.Id) is not null)
        {
            _problems.Error("WF025", $"initial state '{initial.Id}' must be a top-level state", _def.Initial.Position);
        }

        foreach (var state in _def.AllStates())
        {
            CheckImplements(state.Implements);
            if (state.Owner is { } owner)
            {
                CheckRole(owner);
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
                CheckCall(state, call);
            }
        }
    }

    /// <summary>Deadline ids are unique across the definition: deadline instances are keyed by them.</summary>
    private void CheckDeadlineIds(StateDefinition state)
    {
        foreach (var deadline in state.Deadlines.Concat(state.Transitions.SelectMany(t => t.Deadlines)))
        {
            if (!_deadlineIds.Add(deadline.Id))
            {
                _problems.Error("WF010", $"deadline id '{deadline.Id}' is declared more than once in the definition", deadline.Position);
            }
        }
    }

    private void CheckNesting(StateDefinition state)
    {
        if (state.Substates.Count > 0 && state.Initial is null)
        {
            _problems.Error("WF024", $"state '{state.Id}' has sub-states but no 'initial' sub-state", state.Position);
        }
        else if (state.Initial is { } initial)
        {
            var sub = _states.Find(initial.Text);
            if (sub is null || _states.ParentOf(sub.Id) != state)
            {
                _problems.Error("WF025", $"initial '{initial.Text}' of state '{state.Id}' is not one of its sub-states", initial.Position);
            }
        }

        if (state.Terminal && (state.Substates.Count > 0 || state.Transitions.Count > 0 || state.Call is not null))
        {
            _problems.Error("WF023", $"terminal state '{state.Id}' cannot have sub-states, transitions or a call", state.Position);
        }

        if (state.Call is not null && state.Substates.Count > 0)
        {
            _problems.Error("WF062", $"state '{state.Id}' calls a sub-process and so cannot have sub-states", state.Position);
        }
    }

    private void CheckTransition(StateDefinition state, TransitionDefinition transition)
    {
        CheckImplements(transition.Implements);
        if (!_triggers.ContainsKey(transition.Trigger.Text))
        {
            Unknown("WF012", "trigger", transition.Trigger, _triggers.Keys);
        }
        else
        {
            _usedTriggers.Add(transition.Trigger.Text);
        }

        // A transition's deadlines live in its target state (an internal transition's, in the state itself).
        StateDefinition? scope = state;
        if (transition.Target is { } target && (scope = _states.Find(target.Text)) is null)
        {
            Unknown("WF011", "state", target, _states.States.Keys);
        }

        foreach (var deadline in transition.Deadlines)
        {
            if (scope is not null)
            {
                CheckDeadline(scope, deadline);
            }
        }

        CheckRequirements(transition.Requires);
        foreach (var action in transition.Actions)
        {
            CheckAction(action);
        }

        foreach (var assignment in transition.Set)
        {
            if (CheckField(assignment.Field) is { Lookup: not null })
            {
                _problems.Error("WF017", $"field '{assignment.Field.Text}' is derived from a table and cannot be assigned", assignment.Field.Position);
            }
        }
    }

    private void CheckAction(ActionDefinition action)
    {
        CheckImplements(action.Implements);
        if (action.Kind != ActionKind.Publish)
        {
            CheckRole(action.Target);
        }
        else if (!Loading.DefinitionReader.IsIdentifier(action.Target.Text))
        {
            _problems.Error("WF004", $"event name '{action.Target.Text}' must be an identifier", action.Target.Position);
        }
    }

    private void CheckDeadline(StateDefinition state, DeadlineDefinition deadline)
    {
        CheckImplements(deadline.Implements);
        LegalPeriod period = default;
        string? error = null;
        var periodOk = deadline.Period is { } p && LegalPeriod.TryParse(p.Text, out period, out error);
        if (deadline.Period is { } bad && !periodOk)
        {
            _problems.Error("WF041", $"period of deadline '{deadline.Id}': {error}", bad.Position);
        }

        if (deadline.DueField is { } dueField && CheckField(dueField) is { } df && df.Type != DataType.Date)
        {
            _problems.Error("WF045", $"deadline '{deadline.Id}' is due on field '{dueField.Text}', which is {df.Type.ToString().ToLowerInvariant()}, not a date", dueField.Position);
        }

        foreach (var reminder in deadline.Reminders)
        {
            if (!LegalPeriod.TryParse(reminder.Text, out var before, out var reminderError))
            {
                _problems.Error("WF041", $"reminder of deadline '{deadline.Id}': {reminderError}", reminder.Position);
            }
            else if (periodOk && ApproximateDays(before) >= ApproximateDays(period))
            {
                _problems.Error("WF043", $"reminder '{reminder.Text}' of deadline '{deadline.Id}' is not shorter than its period '{deadline.Period}'", reminder.Position);
            }
        }

        if (deadline.RemindRole is { } remindRole)
        {
            CheckRole(remindRole);
        }
        else if (deadline.Reminders.Count > 0 && state.Owner is null)
        {
            _problems.Error("WF046", $"deadline '{deadline.Id}' has reminders but neither a 'remindRole' nor an owner on state '{state.Id}'", deadline.Position);
        }

        CheckAnchor(deadline);
        CheckOverdue(state, deadline);
    }

    private void CheckAnchor(DeadlineDefinition deadline)
    {
        if (deadline.Anchor is { Kind: AnchorKind.Field, Name: { } field })
        {
            if (CheckField(field) is { } f && f.Type != DataType.Date)
            {
                _problems.Error("WF045", $"deadline '{deadline.Id}' counts from field '{field.Text}', which is {f.Type.ToString().ToLowerInvariant()}, not a date", field.Position);
            }
        }
        else if (deadline.Anchor is { Kind: AnchorKind.Document, Name: { } doc } && !_documents.Contains(doc.Text))
        {
            Unknown("WF014", "document", doc, _documents);
        }
    }

    private void CheckOverdue(StateDefinition state, DeadlineDefinition deadline)
    {
        if (deadline.Overdue is not { } overdue || (overdue.Escalate is null && overdue.Fire is null))
        {
            _problems.Error("WF040", $"deadline '{deadline.Id}' has no overdue action (escalate, fire or both)", deadline.Position);
            return;
        }

        if (overdue.Escalate is { } escalate)
        {
            CheckRole(escalate);
        }

        if (overdue.Fire is not { } fire)
        {
            return;
        }

        if (!_triggers.TryGetValue(fire.Text, out var trigger))
        {
            Unknown("WF012", "trigger", fire, _triggers.Keys);
            return;
        }

        if (!trigger.Roles.Any(r => r.Text == RoleCatalog.System))
        {
            _problems.Error("WF044", $"deadline '{deadline.Id}' fires '{fire.Text}', whose roles do not include 'system'", fire.Position);
        }

        if (!_states.SelfAndAncestors(state).Any(s => s.Transitions.Any(t => t.Trigger.Text == fire.Text)))
        {
            _problems.Error("WF042", $"deadline '{deadline.Id}' fires '{fire.Text}', which state '{state.Id}' does not handle", fire.Position);
        }
    }

    private static int ApproximateDays(LegalPeriod period) => period.Unit switch
    {
        PeriodUnit.Months => period.Amount * 28,
        PeriodUnit.WorkingDays => period.Amount * 7 / 5,
        _ => period.Amount,
    };
}
