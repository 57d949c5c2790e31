using System.Text;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diagrams;

/// <summary>
/// Draws a definition as a Mermaid <c>stateDiagram-v2</c>: nested states as composite states, initial
/// markers, terminal states to <c>[*]</c>, transitions labelled <c>trigger [guard]</c>, internal
/// transitions (<c>↻</c>) and called sub-processes (<c>⇒</c>) inside their state, deadlines as notes.
/// The output depends only on the definition and the options (declaration order, <c>\n</c> line ends).
/// </summary>
public static class MermaidDiagram
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "state", "note", "end", "direction", "class", "classDef", "click", "style", "as", "left", "right", "of",
        "over", "TB", "BT", "LR", "RL", "default", "hide", "scale", "stateDiagram", "stateDiagram-v2", "fork", "join", "choice",
    };

    /// <summary>Renders <paramref name="definition"/>.</summary>
    public static string Render(WorkflowDefinition definition, DiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new DiagramText(definition, options ?? DiagramOptions.Default);
        var ids = SafeIds(definition);
        var sb = new StringBuilder();
        sb.Append("---\ntitle: ").Append(Escape(text.Title)).Append("\n---\n");
        sb.Append("stateDiagram-v2\n");
        var edges = EdgesByScope(definition);
        Scope(sb, 1, Root, definition.States, definition.Initial.Text, text, ids, edges);
        if (options?.Marks is { } marks)
        {
            DiagramMarkup.Mermaid(sb, definition.AllStates().Select(s => (Id(ids, s.Id), marks.Of(s))), text.English);
        }

        return sb.ToString();
    }

    private const string Root = "";

    /// <summary>
    /// Groups transitions by the innermost composite that contains both ends: Mermaid places a state
    /// in the block where it is first named, so an edge written inside a composite to a state outside
    /// it would conjure a duplicate of that state there.
    /// </summary>
    private static Dictionary<string, List<(StateDefinition Source, TransitionDefinition Transition, int Index, int Count)>> EdgesByScope(
        WorkflowDefinition definition)
    {
        var states = new StateIndex(definition);
        List<string> Ancestors(string id) =>
            states.Find(id) is { } state ? states.SelfAndAncestors(state).Skip(1).Select(s => s.Id).ToList() : [];

        var edges = new Dictionary<string, List<(StateDefinition, TransitionDefinition, int, int)>>(StringComparer.Ordinal);
        foreach (var state in definition.AllStates())
        {
            foreach (var (transition, index, count) in DiagramText.External(state))
            {
                var targetAncestors = Ancestors(transition.Target!.Value.Text);
                var scope = Ancestors(state.Id).FirstOrDefault(targetAncestors.Contains) ?? Root;
                if (!edges.TryGetValue(scope, out var list))
                {
                    edges[scope] = list = [];
                }

                list.Add((state, transition, index, count));
            }
        }

        return edges;
    }

    /// <summary>A Mermaid-safe id: ASCII letters, digits and <c>_</c>, starting with a letter, not a keyword, unique.</summary>
    internal static string SafeId(string id, ISet<string> taken)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var candidate = sb.Length == 0 || !char.IsAsciiLetter(sb[0]) || Reserved.Contains(sb.ToString()) ? "s_" + sb : sb.ToString();
        var unique = candidate;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{candidate}_{n}";
        }

        return unique;
    }

    /// <summary>Escapes label text with Mermaid entity codes (<c>#lt;</c>, <c>#35;</c>, …) so no character is read as syntax.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '"' => "#quot;",
                ';' => "#59;",
                ':' => "#58;",
                '{' => "#123;",
                '}' => "#125;",
                '\r' => string.Empty,
                '\n' => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static Dictionary<string, string> SafeIds(WorkflowDefinition definition)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var state in definition.AllStates())
        {
            ids.TryAdd(state.Id, SafeId(state.Id, taken));
        }

        return ids;
    }

    private static void Scope(
        StringBuilder sb,
        int depth,
        string owner,
        IReadOnlyList<StateDefinition> states,
        string? initial,
        DiagramText text,
        Dictionary<string, string> ids,
        Dictionary<string, List<(StateDefinition Source, TransitionDefinition Transition, int Index, int Count)>> edges)
    {
        var indent = new string(' ', depth * 4);
        foreach (var state in states)
        {
            var id = Id(ids, state.Id);
            sb.Append(indent).Append("state \"").Append(Escape(text.StateName(state))).Append("\" as ").Append(id).Append('\n');
            foreach (var line in DiagramText.CallLine(state) is { } call ? text.InternalLines(state).Prepend(call) : text.InternalLines(state))
            {
                sb.Append(indent).Append(id).Append(" : ").Append(Escape(line)).Append('\n');
            }

            if (state.Substates.Count > 0)
            {
                sb.Append(indent).Append("state ").Append(id).Append(" {\n");
                Scope(sb, depth + 1, state.Id, state.Substates, state.Initial?.Text, text, ids, edges);
                sb.Append(indent).Append("}\n");
            }

            var notes = text.DeadlineLines(state).ToList();
            if (notes.Count > 0)
            {
                sb.Append(indent).Append("note right of ").Append(id).Append('\n');
                foreach (var note in notes)
                {
                    sb.Append(indent).Append("    ").Append(Escape(note)).Append('\n');
                }

                sb.Append(indent).Append("end note\n");
            }
        }

        if (initial is not null)
        {
            sb.Append(indent).Append("[*] --> ").Append(Id(ids, initial)).Append('\n');
        }

        foreach (var (source, transition, index, count) in edges.GetValueOrDefault(owner) ?? [])
        {
            sb.Append(indent).Append(Id(ids, source.Id)).Append(" --> ").Append(Id(ids, transition.Target!.Value.Text))
                .Append(" : ").Append(Escape(text.TransitionLabel(transition, index, count))).Append('\n');
        }

        foreach (var state in states)
        {
            if (state.Terminal)
            {
                sb.Append(indent).Append(Id(ids, state.Id)).Append(" --> [*]\n");
            }
        }
    }

    private static string Id(Dictionary<string, string> ids, string stateId) =>
        ids.TryGetValue(stateId, out var id) ? id : SafeId(stateId, new HashSet<string>(ids.Values, StringComparer.OrdinalIgnoreCase));
}
