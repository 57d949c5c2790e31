using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>Rules on a state that calls another workflow: the callee, its version and the outcomes.</summary>
internal sealed class CallRules
{
    private readonly ValidationRun _run;

    public CallRules(ValidationRun run)
    {
        _run = run;
    }

    /// <summary>Checks the call made by <paramref name="state"/>.</summary>
    public void CheckCall(StateDefinition state, CallDefinition call)
    {
        var callee = _run.Context.Definitions
            .Where(d => d.Id == call.Workflow.Text)
            .Where(d => call.Version is null || d.Version.ToString() == call.Version.Value.Text)
            .MaxBy(d => d.Version);
        if (callee is null)
        {
            var what = call.Version is { } v ? $"{call.Workflow.Text}@{v.Text}" : call.Workflow.Text;
            var hint = call.Version is null
                ? Loading.Suggest.Closest(call.Workflow.Text, _run.Context.Definitions.Select(d => d.Id).Where(id => id != _run.Definition.Id).Distinct(StringComparer.Ordinal))
                : null;
            _run.Problems.Error(
                "WF016",
                $"state '{state.Id}' calls unknown workflow '{what}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}",
                call.Workflow.Position);
            return;
        }

        if (callee.Id == _run.Definition.Id)
        {
            _run.Problems.Error("WF016", $"state '{state.Id}' calls its own workflow '{callee.Id}'", call.Workflow.Position);
            return;
        }

        Instances.InstanceRules.CheckCall(_run, state, call, callee);

        var calleeStates = new StateIndex(callee);
        var handled = _run.States.SelfAndAncestors(state).SelectMany(s => s.Transitions).Select(t => t.Trigger.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var outcome in call.Outcomes)
        {
            if (calleeStates.Find(outcome.ChildState.Text) is not { Terminal: true })
            {
                _run.Problems.Error("WF011", $"'{outcome.ChildState.Text}' is not a terminal state of workflow '{callee.Id}'", outcome.ChildState.Position);
            }

            if (!handled.Contains(outcome.ParentTrigger.Text))
            {
                _run.Problems.Error("WF060", $"outcome trigger '{outcome.ParentTrigger.Text}' is not handled by state '{state.Id}'", outcome.ParentTrigger.Position);
            }
            else if (_run.Triggers.TryGetValue(outcome.ParentTrigger.Text, out var t) && !t.Roles.Any(r => r.Text == RoleCatalog.System))
            {
                _run.Problems.Error("WF044", $"outcome trigger '{t.Id}' must allow role 'system'", outcome.ParentTrigger.Position);
            }
        }

        foreach (var terminal in calleeStates.States.Values.Where(s => s.Terminal))
        {
            if (!call.Outcomes.Any(o => o.ChildState.Text == terminal.Id))
            {
                _run.Problems.Error("WF061", $"state '{state.Id}' does not map terminal state '{terminal.Id}' of workflow '{callee.Id}' to a trigger", call.Position);
            }
        }
    }
}
