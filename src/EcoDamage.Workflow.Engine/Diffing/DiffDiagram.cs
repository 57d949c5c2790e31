using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagrams;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>
/// Draws the newer of two versions with its changes marked: added states and transitions green (<c>+</c>), changed
/// ones amber (<c>~</c>), and the older version's removed states and transitions drawn too, red and dashed (<c>−</c>),
/// with a legend. A removed state is drawn inside its old parent when that parent remains, else at the top level.
/// </summary>
public static class DiffDiagram
{
    /// <summary>Mermaid <c>stateDiagram-v2</c> of <paramref name="to"/> with the changes from <paramref name="from"/> marked.</summary>
    /// <param name="from">The older version.</param>
    /// <param name="to">The newer version.</param>
    /// <param name="options">Language and roles (its <see cref="DiagramOptions.Marks"/> is replaced).</param>
    /// <returns>The diagram text.</returns>
    public static string Mermaid(WorkflowDefinition from, WorkflowDefinition to, DiagramOptions? options = null)
    {
        var (merged, marks) = Merge(from, to);
        return MermaidDiagram.Render(merged, (options ?? DiagramOptions.Default) with { Marks = marks });
    }

    /// <summary>Graphviz DOT of <paramref name="to"/> with the changes from <paramref name="from"/> marked.</summary>
    /// <param name="from">The older version.</param>
    /// <param name="to">The newer version.</param>
    /// <param name="options">Language and roles (its <see cref="DiagramOptions.Marks"/> is replaced).</param>
    /// <returns>The diagram text.</returns>
    public static string Dot(WorkflowDefinition from, WorkflowDefinition to, DiagramOptions? options = null)
    {
        var (merged, marks) = Merge(from, to);
        return DotDiagram.Render(merged, (options ?? DiagramOptions.Default) with { Marks = marks });
    }

    /// <summary>The newer version plus the older one's removed states and transitions, and the mark of each.</summary>
    internal static (WorkflowDefinition Merged, DiagramMarks Marks) Merge(WorkflowDefinition from, WorkflowDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changed = DefinitionDiffer.Diff(from, to).Changes.Select(c => c.Path).ToList();
        var old = new StateIndex(from);
        var now = new StateIndex(to);
        var states = new Dictionary<string, DiagramMark>(StringComparer.Ordinal);
        var transitions = new List<KeyValuePair<TransitionDefinition, DiagramMark>>();

        // Removed states, flattened (their sub-states are placed on their own), under their old parent if it remains.
        var removed = from.AllStates().Where(s => now.Find(s.Id) is null).ToList();
        var removedByParent = removed.ToLookup(s => old.ParentOf(s.Id) is { } p && now.Find(p.Id) is not null ? p.Id : string.Empty, StringComparer.Ordinal);
        foreach (var state in removed)
        {
            states[state.Id] = DiagramMark.Removed;
            transitions.AddRange(state.Transitions.Select(t => KeyValuePair.Create(t, DiagramMark.Removed)));
        }

        StateDefinition Rebuild(StateDefinition state)
        {
            var path = "states/" + ChangeScope.Escape(state.Id);
            var before = old.Find(state.Id);
            states[state.Id] = before is null ? DiagramMark.Added
                : changed.Exists(p => p.StartsWith(path + "/", StringComparison.Ordinal) && !p.StartsWith(path + "/on/", StringComparison.Ordinal)) ? DiagramMark.Changed
                : DiagramMark.None;
            var extra = new List<TransitionDefinition>();
            foreach (var pair in TransitionPairs.Of(before?.Transitions ?? [], state.Transitions))
            {
                var at = path + "/" + pair.Segment;
                var mark = pair.Before is null ? DiagramMark.Added
                    : pair.After is null ? DiagramMark.Removed
                    : changed.Exists(p => p == at || p.StartsWith(at + "/", StringComparison.Ordinal)) ? DiagramMark.Changed
                    : DiagramMark.None;
                transitions.Add(KeyValuePair.Create((pair.After ?? pair.Before)!, mark));
                if (pair.After is null)
                {
                    extra.Add(pair.Before!);
                }
            }

            return state with
            {
                Substates = [.. state.Substates.Select(Rebuild), .. removedByParent[state.Id].Select(Flatten)],
                Transitions = [.. state.Transitions, .. extra],
            };
        }

        var merged = to with
        {
            States = [.. to.States.Select(Rebuild), .. removedByParent[string.Empty].Select(Flatten)],
            Triggers = [.. to.Triggers, .. from.Triggers.Where(t => !to.Triggers.Any(n => n.Id == t.Id))],
        };
        return (merged, new DiagramMarks(states, transitions));
    }

    private static StateDefinition Flatten(StateDefinition state) => state with { Substates = [], Initial = null };
}
