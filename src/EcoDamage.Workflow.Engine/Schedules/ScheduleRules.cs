using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// Checks schedules (WF141–WF143, WF149, their deadlines as any deadline's: WF040–WF046), the triggers that record
/// or meet them (WF144, WF145), completion triggers (WF146) and fields derived from them (WF147, WF148).
/// Runs after the state rules, which collect the deadline ids.
/// </summary>
internal sealed class ScheduleRules
{
    private readonly ValidationRun _run;
    private readonly Dictionary<string, (StateDefinition State, ScheduleDefinition Schedule)> _schedules = new(StringComparer.Ordinal);

    public ScheduleRules(ValidationRun run) => _run = run;

    public void Check()
    {
        var states = new StateRules(_run, new CallRules(_run));
        var initialChain = InitialChain();
        foreach (var state in _run.Definition.AllStates())
        {
            foreach (var schedule in state.Schedules)
            {
                if (initialChain.Contains(state.Id))
                {
                    _run.Problems.Error("WF149", $"schedule '{schedule.Id}' is declared on '{state.Id}', which a case or sub-process starts in: its deadlines open when a trigger enters its state", schedule.Position);
                }

                if (!_run.DeadlineIds.Add(schedule.Id) || _schedules.ContainsKey(schedule.Id) || _run.Fields.ContainsKey(schedule.Id))
                {
                    _run.Problems.Error("WF143", $"schedule id '{schedule.Id}' is already a deadline, schedule or data field id of the definition", schedule.Position);
                }

                _schedules.TryAdd(schedule.Id, (state, schedule));
                _run.CheckImplements(schedule.Implements);
                CheckMembers(schedule);
                CheckCompleted(state, schedule);
                states.CheckDeadline(state, schedule.Deadline);
            }
        }

        foreach (var trigger in _run.Definition.Triggers)
        {
            CheckTrigger(trigger);
        }

        foreach (var field in _run.Definition.Fields)
        {
            CheckDerived(field);
        }
    }

    /// <summary>The states entered when a case (or a call of this definition) starts, where no fire opens a schedule's deadlines.</summary>
    private HashSet<string> InitialChain()
    {
        var chain = new HashSet<string>(StringComparer.Ordinal);
        for (var s = _run.States.Find(_run.Definition.Initial.Text); s is not null && chain.Add(s.Id);)
        {
            s = s.Initial is { } initial ? _run.States.Find(initial.Text) : null;
        }

        return chain;
    }

    private void CheckMembers(ScheduleDefinition schedule)
    {
        var members = schedule.Members.ToDictionary(m => m.Name.Text, m => m, StringComparer.Ordinal);
        if (members.TryGetValue(ScheduleDefinition.DueMember, out var due) && due.Type is { } dueType && dueType != DataType.Date)
        {
            _run.Problems.Error("WF141", $"member 'due' of schedule '{schedule.Id}' must be a date", due.Name.Position);
        }

        if (members.TryGetValue(ScheduleDefinition.AmountMember, out var amount) && amount.Type is { } amountType && amountType != DataType.Money)
        {
            _run.Problems.Error("WF141", $"member 'amount' of schedule '{schedule.Id}' must be money", amount.Name.Position);
        }

        if (schedule.Monthly is not { } monthly)
        {
            if (due is null && schedule.Members.Count > 0)
            {
                _run.Problems.Error("WF141", $"schedule '{schedule.Id}' opens a deadline per item, so its item needs a 'due: date' member (or give 'monthly')", schedule.Position);
            }

            return;
        }

        if (!members.TryGetValue(monthly.DateMember.Text, out var date) || date.Type is not DataType.Date)
        {
            _run.Problems.Error("WF141", $"'date' of the monthly minimum of schedule '{schedule.Id}' must name a date member of its item", monthly.DateMember.Position);
        }

        if (ScheduleCompiler.Minimum(_run.Definition, monthly.Minimum) is null)
        {
            _run.Problems.Error("WF142", $"monthly minimum '{monthly.Minimum.Text}' of schedule '{schedule.Id}' must be a positive integer or param.NAME of a positive integer parameter", monthly.Minimum.Position);
        }
    }

    private void CheckCompleted(StateDefinition state, ScheduleDefinition schedule)
    {
        if (schedule.Completed is not { } fire)
        {
            return;
        }

        if (!_run.Triggers.TryGetValue(fire.Text, out var trigger))
        {
            _run.Unknown("WF012", "trigger", fire, _run.Triggers.Keys);
        }
        else if (schedule.Monthly is not null)
        {
            _run.Problems.Error("WF146", $"schedule '{schedule.Id}' has a monthly minimum and is never completed: remove 'completed'", fire.Position);
        }
        else if (!trigger.Roles.Any(r => r.Text == RoleCatalog.System))
        {
            _run.Problems.Error("WF146", $"schedule '{schedule.Id}' fires '{fire.Text}' when completed, whose roles do not include 'system'", fire.Position);
        }
        else if (!_run.States.SelfAndAncestors(state).Any(s => s.Transitions.Any(t => t.Trigger.Text == fire.Text)))
        {
            _run.Problems.Error("WF146", $"schedule '{schedule.Id}' fires '{fire.Text}' when completed, which state '{state.Id}' does not handle", fire.Position);
        }
    }

    private void CheckTrigger(TriggerDefinition trigger)
    {
        foreach (var id in trigger.Schedule.Where(id => !_schedules.ContainsKey(id.Text)))
        {
            _run.Problems.Error("WF144", $"trigger '{trigger.Id}' records unknown schedule '{id.Text}'", id.Position);
        }

        if (trigger.Meets is not { } meets)
        {
            return;
        }

        if (!_schedules.TryGetValue(meets.Schedule.Text, out var found))
        {
            _run.Problems.Error("WF145", $"trigger '{trigger.Id}' meets unknown schedule '{meets.Schedule.Text}'", meets.Schedule.Position);
            return;
        }

        var schedule = found.Schedule;
        if (schedule.Monthly is not null)
        {
            _run.Problems.Error("WF145", $"schedule '{schedule.Id}' has a monthly minimum: its items are recorded, not met one by one", meets.Schedule.Position);
        }

        CheckMeetsInput(trigger, meets.Item, DataType.Integer, "the item's number");
        if (meets.Amount is { } amount)
        {
            CheckMeetsInput(trigger, amount, DataType.Money, "the amount performed");
            if (!schedule.Members.Any(m => m.Name.Text == ScheduleDefinition.AmountMember))
            {
                _run.Problems.Error("WF145", $"trigger '{trigger.Id}' meets schedule '{schedule.Id}' with an amount, but its item has no 'amount' member", amount.Position);
            }
        }
    }

    private void CheckMeetsInput(TriggerDefinition trigger, Definitions.Token field, DataType type, string what)
    {
        if (!trigger.Inputs.Any(i => i.Text == field.Text) || !_run.Fields.TryGetValue(field.Text, out var f) || f.Type != type)
        {
            _run.Problems.Error("WF145", $"'{field.Text}' ({what}) of 'meets' of trigger '{trigger.Id}' must be {(type == DataType.Integer ? "an integer" : "a money")} input of the trigger", field.Position);
        }
    }

    private void CheckDerived(FieldDefinition field)
    {
        if (field.Derived is not { } derived)
        {
            return;
        }

        var member = _schedules.TryGetValue(derived.Schedule.Text, out var found)
            ? found.Schedule.Members.FirstOrDefault(m => m.Name.Text == derived.Sum.Text)
            : null;
        if (found.Schedule is null)
        {
            _run.Problems.Error("WF147", $"field '{field.Id}' is derived from unknown schedule '{derived.Schedule.Text}'", derived.Schedule.Position);
        }
        else if (member?.Type is not (DataType.Money or DataType.Decimal or DataType.Integer))
        {
            _run.Problems.Error("WF147", $"field '{field.Id}' sums '{derived.Sum.Text}', which is not a numeric member of schedule '{derived.Schedule.Text}'", derived.Sum.Position);
        }
        else if (field.Type is not (DataType.Money or DataType.Decimal or DataType.Integer) || (field.Type == DataType.Integer && member.Type != DataType.Integer))
        {
            _run.Problems.Error("WF147", $"field '{field.Id}' is {field.Type.ToString().ToLowerInvariant()}, which cannot hold the sum of '{derived.Sum.Text}' ({member.Type.ToString()!.ToLowerInvariant()})", derived.Position);
        }

        var setters = _run.Definition.Triggers.Where(t => t.Inputs.Any(i => i.Text == field.Id)).Select(t => $"input of trigger '{t.Id}'")
            .Concat(_run.Definition.Start?.Inputs.Any(i => i.Text == field.Id) == true ? ["a start input"] : [])
            .Concat(_run.Definition.AllStates().SelectMany(s => s.Transitions).Where(t => t.Set.Any(a => a.Field.Text == field.Id)).Select(t => $"set by '{t.Trigger.Text}'"))
            .Concat(field.Lookup is not null ? ["a lookup"] : []);
        foreach (var setter in setters)
        {
            _run.Problems.Error("WF148", $"field '{field.Id}' is derived from schedule '{derived.Schedule.Text}' and so cannot also be {setter}", derived.Position);
        }
    }
}
