
namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>States of one definition by id, with their parents; shared by validation, compilation and diagrams.</summary>
internal sealed class StateIndex
{
    private readonly Dictionary<string, StateDefinition> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StateDefinition?> _parents = new(StringComparer.Ordinal);

    public StateIndex(WorkflowDefinition definition)
    {
        Add(definition.States, null);
    }

    public IReadOnlyDictionary<string, StateDefinition> States => _states;

    /// <summary>States declared twice (the later declarations).</summary>
    public List<StateDefinition> Duplicates { get; } = [];

    public StateDefinition? Find(string id) => _states.GetValueOrDefault(id);

    public StateDefinition? ParentOf(string id) => _parents.GetValueOrDefault(id);

    /// <summary>The state and its ancestors, innermost first.</summary>
    public IEnumerable<StateDefinition> SelfAndAncestors(StateDefinition state)
    {
        for (StateDefinition? s = state; s is not null; s = ParentOf(s.Id))
        {
            yield return s;
        }
    }

    /// <summary>The leaf reached by entering <paramref name="state"/> (following <c>initial</c> down).</summary>
    public StateDefinition EnterLeaf(StateDefinition state)
    {
        var current = state;
        for (var guard = 0; current.Substates.Count > 0 && guard < 64; guard++)
        {
            var next = current.Initial is { } i ? Find(i.Text) : null;
            if (next is null || ParentOf(next.Id) != current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private void Add(IReadOnlyList<StateDefinition> states, StateDefinition? parent)
    {
        foreach (var state in states)
        {
            if (!_states.TryAdd(state.Id, state))
            {
                Duplicates.Add(state);
                continue;
            }

            _parents[state.Id] = parent;
            Add(state.Substates, state);
        }
    }
}
