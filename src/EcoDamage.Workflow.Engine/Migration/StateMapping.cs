using EcoDamage.Workflow.Engine.Compilation;

namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>A plan's state map with its default: a state the map does not name keeps its id if the new version declares it.</summary>
internal sealed class StateMapping(MigrationPlan plan, CompiledWorkflow from, CompiledWorkflow to)
{
    /// <summary>The new state of the old state <paramref name="oldState"/>, or null when it has none.</summary>
    public string? Map(string oldState) =>
        plan.StateMap.TryGetValue(oldState, out var mapped) ? mapped
        : to.States.Find(oldState) is not null ? oldState
        : null;

    /// <summary>
    /// True when a case in the old state <paramref name="oldState"/> is inside the new state <paramref name="newState"/>:
    /// the old state (or its nearest ancestor that maps) maps to <paramref name="newState"/> or to one of its sub-states.
    /// </summary>
    public bool Within(string oldState, string newState)
    {
        for (var s = from.States.Find(oldState); s is not null; s = from.States.ParentOf(s.Id))
        {
            if (Map(s.Id) is { } mapped && to.States.Find(mapped) is { } target)
            {
                return to.States.SelfAndAncestors(target).Any(a => string.Equals(a.Id, newState, StringComparison.Ordinal));
            }
        }

        return false;
    }
}
