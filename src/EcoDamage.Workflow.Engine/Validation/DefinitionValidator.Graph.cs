using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Validation;

internal sealed partial class DefinitionValidator
{
    private void CheckCall(StateDefinition state, CallDefinition call)
    {
        var callee = _context.Definitions
            .Where(d => d.Id == call.Workflow.Text)
            .Where(d => call.Version is null || d.Version.ToString() == call.Version.Value.Text)
            .MaxBy(d => d.Version);
        if (callee is null)
        {
            var what = call.Version is { } v ? $"{call.Workflow.Text}@{v.Text}" : call.Workflow.Text;
            var hint = call.Version is null
                ? Loading.Suggest.Closest(call.Workflow.Text, _context.Definitions.Select(d => d.Id).Where(id => id != _def.Id).Distinct(StringComparer.Ordinal))
                : null;
            _problems.Error(
                "WF016",
                $"state '{state.Id}' calls unknown workflow '{what}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}",
                call.Workflow.Position);
            return;
        }

        if (callee.Id == _def.Id)
        {
            _problems.Error("WF016", $"state '{state.Id}' calls its own workflow '{callee.Id}'", call.Workflow.Position);
            return;
        }

        var calleeStates = new StateIndex(callee);
        var handled = _states.SelfAndAncestors(state).SelectMany(s => s.Transitions).Select(t => t.Trigger.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var outcome in call.Outcomes)
        {
            if (calleeStates.Find(outcome.ChildState.Text) is not { Terminal: true })
            {
                _problems.Error("WF011", $"'{outcome.ChildState.Text}' is not a terminal state of workflow '{callee.Id}'", outcome.ChildState.Position);
            }

            if (!handled.Contains(outcome.ParentTrigger.Text))
            {
                _problems.Error("WF060", $"outcome trigger '{outcome.ParentTrigger.Text}' is not handled by state '{state.Id}'", outcome.ParentTrigger.Position);
            }
            else if (_triggers.TryGetValue(outcome.ParentTrigger.Text, out var t) && !t.Roles.Any(r => r.Text == RoleCatalog.System))
            {
                _problems.Error("WF044", $"outcome trigger '{t.Id}' must allow role 'system'", outcome.ParentTrigger.Position);
            }
        }

        foreach (var terminal in calleeStates.States.Values.Where(s => s.Terminal))
        {
            if (!call.Outcomes.Any(o => o.ChildState.Text == terminal.Id))
            {
                _problems.Error("WF061", $"state '{state.Id}' does not map terminal state '{terminal.Id}' of workflow '{callee.Id}' to a trigger", call.Position);
            }
        }
    }

    /// <summary>Reachability over leaf states: unreachable states, dead ends, states that cannot finish.</summary>
    private void CheckGraph()
    {
        if (_states.Find(_def.Initial.Text) is not { } initial || _states.Duplicates.Count > 0)
        {
            return;
        }

        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Every state entering can end in: the leaves, and composites whose 'initial' is missing or wrong (WF024/WF025).
        foreach (var leaf in _states.States.Values.Where(s => _states.EnterLeaf(s) == s))
        {
            edges[leaf.Id] = _states.SelfAndAncestors(leaf)
                .SelectMany(s => s.Transitions)
                .Where(t => t.Target is { } target && _states.Find(target.Text) is not null)
                .Select(t => _states.EnterLeaf(_states.Find(t.Target!.Value.Text)!).Id)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        var reached = Closure([_states.EnterLeaf(initial).Id], edges);
        var reachedStates = reached.SelectMany(id => _states.SelfAndAncestors(_states.Find(id)!)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var state in _def.AllStates().Where(s => !reachedStates.Contains(s.Id)))
        {
            _problems.Error("WF020", $"state '{state.Id}' cannot be reached from the initial state '{initial.Id}'", state.Position);
        }

        var terminals = edges.Keys.Where(id => _states.Find(id)!.Terminal).ToHashSet(StringComparer.Ordinal);
        var canFinish = ReverseClosure(terminals, edges);
        foreach (var id in reached.Where(id => !terminals.Contains(id)))
        {
            var state = _states.Find(id)!;
            if (edges[id].Count == 0 && state.Call is null)
            {
                _problems.Error("WF021", $"state '{id}' is not terminal but has no transition out", state.Position);
            }
            else if (!canFinish.Contains(id))
            {
                _problems.Error("WF022", $"no terminal state can be reached from state '{id}'", state.Position);
            }
        }
    }

    private static HashSet<string> Closure(IEnumerable<string> start, Dictionary<string, List<string>> edges)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in edges[id].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    private static HashSet<string> ReverseClosure(HashSet<string> targets, Dictionary<string, List<string>> edges)
    {
        var reverse = edges.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (from, tos) in edges)
        {
            foreach (var to in tos)
            {
                reverse[to].Add(from);
            }
        }

        return Closure(targets, reverse);
    }
}
