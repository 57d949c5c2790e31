using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Periods;

/// <summary>
/// Rules on <c>after:</c> (periods that cannot be cut short): WF091 a deadline id the definition does not declare;
/// WF092 a deadline that is never open where the trigger or transition waits for it (no state or transition that
/// opens it leads to the state that handles the trigger).
/// </summary>
internal sealed class AfterRules
{
    private readonly ValidationRun _run;
    private readonly Dictionary<string, List<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _openedIn = new(StringComparer.Ordinal);

    public AfterRules(ValidationRun run)
    {
        _run = run;
    }

    /// <summary>Checks every <c>after:</c> of the definition's triggers and transitions.</summary>
    public void Check()
    {
        if (_run.States.Duplicates.Count > 0)
        {
            return;
        }

        IndexGraph();
        foreach (var state in _run.Definition.AllStates())
        {
            foreach (var transition in state.Transitions)
            {
                var trigger = _run.Triggers.GetValueOrDefault(transition.Trigger.Text);
                foreach (var period in transition.After.Concat(trigger?.After ?? []))
                {
                    CheckPeriod(period, state, transition.Trigger.Text);
                }
            }
        }

        // A trigger-level period no state handles is still checked for being a deadline of the definition.
        foreach (var trigger in _run.Definition.Triggers)
        {
            foreach (var period in trigger.After.Where(p => !_openedIn.ContainsKey(p.Text)))
            {
                _run.Unknown("WF091", "deadline", period, _openedIn.Keys);
            }
        }
    }

    private void CheckPeriod(Token period, StateDefinition state, string trigger)
    {
        if (!_openedIn.TryGetValue(period.Text, out var openers))
        {
            if (!_run.Triggers.GetValueOrDefault(trigger)?.After.Contains(period) ?? true)
            {
                _run.Unknown("WF091", "deadline", period, _openedIn.Keys);
            }

            return;
        }

        var reached = Closure(openers);
        if (!LeavesUnder(state).Any(reached.Contains))
        {
            _run.Problems.Error(
                "WF092",
                $"'{trigger}' in state '{state.Id}' waits for deadline '{period.Text}', which is never open there: no state or transition that opens it leads to '{state.Id}'",
                period.Position);
        }
    }

    private void IndexGraph()
    {
        foreach (var state in _run.Definition.AllStates())
        {
            if (state.Substates.Count == 0)
            {
                _edges[state.Id] = _run.States.SelfAndAncestors(state)
                    .SelectMany(s => s.Transitions)
                    .Where(t => t.Target is { } target && _run.States.Find(target.Text) is not null)
                    .SelectMany(t => LeavesEntered(_run.States.Find(t.Target!.Value.Text)!))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
            }

            foreach (var deadline in state.Deadlines)
            {
                Opened(deadline.Id).UnionWith(LeavesUnder(state));
            }

            foreach (var transition in state.Transitions)
            {
                var scope = transition.Target is { } t ? _run.States.Find(t.Text) : state;
                foreach (var deadline in transition.Deadlines.Where(_ => scope is not null))
                {
                    Opened(deadline.Id).UnionWith(LeavesUnder(scope!));
                }
            }
        }
    }

    private HashSet<string> Opened(string deadline)
    {
        if (!_openedIn.TryGetValue(deadline, out var set))
        {
            _openedIn[deadline] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private IEnumerable<string> LeavesEntered(StateDefinition state)
    {
        var leaf = _run.States.EnterLeaf(state);
        return leaf.Substates.Count == 0 ? [leaf.Id] : [];
    }

    private IEnumerable<string> LeavesUnder(StateDefinition state) => state.Substates.Count == 0
        ? [state.Id]
        : state.Substates.SelectMany(LeavesUnder);

    private HashSet<string> Closure(IEnumerable<string> start)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in _edges.GetValueOrDefault(id, []).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }
}
