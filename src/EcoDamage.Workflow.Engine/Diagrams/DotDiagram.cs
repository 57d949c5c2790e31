using System.Text;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diagrams;

/// <summary>
/// Draws a definition as a Graphviz DOT digraph: nested states as clusters (edges to and from a nested
/// state end at its cluster through <c>lhead</c>/<c>ltail</c>), a point for each initial marker, a
/// double circle for each end, transitions labelled <c>trigger [guard]</c>, and each state's
/// sub-process (<c>⇒</c>), internal transitions (<c>↻</c>) and deadlines (<c>⏱</c>) in its label.
/// Every id and label is a quoted, escaped DOT string; the output is deterministic.
/// </summary>
public static class DotDiagram
{
    /// <summary>Renders <paramref name="definition"/>.</summary>
    public static string Render(WorkflowDefinition definition, DiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new DiagramText(definition, options ?? DiagramOptions.Default);
        var composites = definition.AllStates().Where(s => s.Substates.Count > 0).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("digraph ").Append(Quote(definition.Id)).Append(" {\n");
        sb.Append("    compound=true;\n    rankdir=TB;\n");
        sb.Append("    label=").Append(Quote(text.Title)).Append(";\n    labelloc=t;\n");
        sb.Append("    node [shape=box, style=rounded, fontname=\"sans-serif\"];\n");
        sb.Append("    edge [fontname=\"sans-serif\", fontsize=10];\n");
        var edges = new StringBuilder();
        Scope(sb, edges, 1, "root", definition.States, definition.Initial.Text, text, composites, options?.Marks);
        if (options?.Marks is not null)
        {
            DiagramMarkup.DotLegend(sb, text.English);
        }

        sb.Append(edges);
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>A DOT double-quoted string: backslashes and quotes escaped, line breaks as <c>\n</c>.</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => string.Empty,
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string InitialNode(string scope) => $"{scope}::initial";

    private static string FinalNode(string scope) => $"{scope}::final";

    private static string Cluster(string state) => $"cluster_{state}";

    private static void Scope(
        StringBuilder sb, StringBuilder edges, int depth, string scope, IReadOnlyList<StateDefinition> states, string? initial,
        DiagramText text, HashSet<string> composites, DiagramMarks? marks)
    {
        var indent = new string(' ', depth * 4);
        if (initial is not null)
        {
            sb.Append(indent).Append(Quote(InitialNode(scope))).Append(" [shape=point, width=0.15, label=\"\"];\n");
            edges.Append("    ").Append(Quote(InitialNode(scope))).Append(" -> ").Append(Target(initial, composites)).Append(";\n");
        }

        if (states.Any(s => s.Terminal))
        {
            sb.Append(indent).Append(Quote(FinalNode(scope))).Append(" [shape=doublecircle, width=0.15, label=\"\", style=filled, fillcolor=black];\n");
        }

        foreach (var state in states)
        {
            var lines = new List<string> { text.StateName(state) };
            if (DiagramText.CallLine(state) is { } call)
            {
                lines.Add(call);
            }

            lines.AddRange(text.InternalLines(state));
            lines.AddRange(text.DeadlineLines(state));
            if (state.Substates.Count > 0)
            {
                sb.Append(indent).Append("subgraph ").Append(Quote(Cluster(state.Id))).Append(" {\n");
                sb.Append(indent).Append("    label=").Append(Quote(string.Join('\n', lines))).Append(";\n");
                sb.Append(indent).Append("    style=rounded;\n");
                sb.Append(DiagramMarkup.DotCluster(marks?.Of(state) ?? DiagramMark.None, indent));
                Scope(sb, edges, depth + 1, state.Id, state.Substates, state.Initial?.Text, text, composites, marks);
                sb.Append(indent).Append("}\n");
            }
            else
            {
                sb.Append(indent).Append(Quote(state.Id)).Append(" [label=").Append(Quote(string.Join('\n', lines)))
                    .Append(state.Terminal ? ", peripheries=2" : string.Empty).Append(DiagramMarkup.DotNode(marks?.Of(state) ?? DiagramMark.None)).Append("];\n");
            }

            foreach (var (transition, index, count) in DiagramText.External(state))
            {
                edges.Append("    ").Append(Source(state.Id, composites)).Append(" -> ").Append(Target(transition.Target!.Value.Text, composites))
                    .Append(" [label=").Append(Quote(text.TransitionLabel(transition, index, count)));
                if (composites.Contains(state.Id))
                {
                    edges.Append(", ltail=").Append(Quote(Cluster(state.Id)));
                }

                if (composites.Contains(transition.Target!.Value.Text))
                {
                    edges.Append(", lhead=").Append(Quote(Cluster(transition.Target!.Value.Text)));
                }

                edges.Append(DiagramMarkup.DotEdge(marks?.Of(transition) ?? DiagramMark.None)).Append("];\n");
            }

            if (state.Terminal)
            {
                edges.Append("    ").Append(Quote(state.Id)).Append(" -> ").Append(Quote(FinalNode(scope))).Append(";\n");
            }
        }
    }

    /// <summary>A composite state is reached through its initial point (clipped at the cluster by <c>lhead</c>).</summary>
    private static string Target(string state, HashSet<string> composites) =>
        Quote(composites.Contains(state) ? InitialNode(state) : state);

    private static string Source(string state, HashSet<string> composites) =>
        Quote(composites.Contains(state) ? InitialNode(state) : state);
}
