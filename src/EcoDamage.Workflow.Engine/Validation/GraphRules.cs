using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>Rules on the state graph as a whole: reachability and ways out.</summary>
internal sealed class GraphRules
{
    private readonly ValidationRun _run;

    public GraphRules(ValidationRun run)
    {
        _run = run;
    }

    /// <summary>Checks the graph once every state has been read.</summary>
    /// <summary>Reachability over leaf states: unreachable states, dead ends, states that cannot finish.</summary>
    public void CheckGraph()
    {
        if (_run.States.Find(_run.Definition.Initial.Text) is not { } initial || _run.States.Duplicates.Count > 0)
        {
            return;
        }

        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Every state entering can end in: the leaves, and composites whose 'initial' is missing or wrong (WF024/WF025).
        foreach (var leaf in _run.States.States.Values.Where(s => _run.States.EnterLeaf(s) == s))
        {
            edges[leaf.Id] = _run.States.SelfAndAncestors(leaf)
                .SelectMany(s => s.Transitions)
                .Where(t => t.Target is { } target && _run.States.Find(target.Text) is not null)
                .Select(t => _run.States.EnterLeaf(_run.States.Find(t.Target!.Value.Text)!).Id)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        var reached = Closure([_run.States.EnterLeaf(initial).Id], edges);
        var reachedStates = reached.SelectMany(id => _run.States.SelfAndAncestors(_run.States.Find(id)!)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var state in _run.Definition.AllStates().Where(s => !reachedStates.Contains(s.Id)))
        {
            _run.Problems.Error("WF020", $"state '{state.Id}' cannot be reached from the initial state '{initial.Id}'", state.Position);
        }

        var terminals = edges.Keys.Where(id => _run.States.Find(id)!.Terminal).ToHashSet(StringComparer.Ordinal);
        var canFinish = ReverseClosure(terminals, edges);
        foreach (var id in reached.Where(id => !terminals.Contains(id)))
        {
            var state = _run.States.Find(id)!;
            if (edges[id].Count == 0 && state.Call is null)
            {
                _run.Problems.Error("WF021", $"state '{id}' is not terminal but has no transition out", state.Position);
            }
            else if (!canFinish.Contains(id))
            {
                _run.Problems.Error("WF022", $"no terminal state can be reached from state '{id}'", state.Position);
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
