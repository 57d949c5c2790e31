using System.Text;

namespace EcoDamage.Workflow.Engine.Diagrams;

/// <summary>The colours, prefixes and legend of a diagram of changes, shared by the Mermaid and DOT writers.</summary>
internal static class DiagramMarkup
{
    private static readonly DiagramMark[] Shown = [DiagramMark.Added, DiagramMark.Removed, DiagramMark.Changed];

    /// <summary>The label prefix: <c>+ </c>, <c>− </c>, <c>~ </c>, or nothing.</summary>
    public static string Prefix(DiagramMark mark) => mark switch
    {
        DiagramMark.Added => "+ ",
        DiagramMark.Removed => "− ",
        DiagramMark.Changed => "~ ",
        _ => string.Empty,
    };

    public static string ClassName(DiagramMark mark) => mark.ToString().ToLowerInvariant();

    private static (string Fill, string Stroke, string Text) Colours(DiagramMark mark) => mark switch
    {
        DiagramMark.Added => ("#d4edda", "#28a745", "#155724"),
        DiagramMark.Removed => ("#f8d7da", "#dc3545", "#721c24"),
        _ => ("#fff3cd", "#ffb000", "#856404"),
    };

    private static string Word(DiagramMark mark, bool english) => mark switch
    {
        DiagramMark.Added => english ? "added" : "新增",
        DiagramMark.Removed => english ? "removed" : "删除",
        _ => english ? "changed" : "修改",
    };

    private static string LegendTitle(bool english) => english ? "Legend" : "图例";

    /// <summary>Mermaid <c>classDef</c>s, the class of every marked state, and a legend block.</summary>
    public static void Mermaid(StringBuilder sb, IEnumerable<(string Id, DiagramMark Mark)> states, bool english)
    {
        foreach (var mark in Shown)
        {
            var (fill, stroke, text) = Colours(mark);
            sb.Append("    classDef ").Append(ClassName(mark)).Append(" fill:").Append(fill).Append(",stroke:").Append(stroke)
                .Append(",color:").Append(text).Append(mark == DiagramMark.Removed ? ",stroke-dasharray:5" : string.Empty).Append('\n');
        }

        sb.Append("    state \"").Append(LegendTitle(english)).Append("\" as diff_legend {\n");
        foreach (var mark in Shown)
        {
            sb.Append("        state \"").Append(Prefix(mark)).Append(Word(mark, english)).Append("\" as diff_legend_").Append(ClassName(mark)).Append('\n');
        }

        sb.Append("    }\n");
        foreach (var group in states.Where(s => s.Mark != DiagramMark.None).GroupBy(s => s.Mark).OrderBy(g => g.Key))
        {
            sb.Append("    class ").Append(string.Join(',', group.Select(s => s.Id))).Append(' ').Append(ClassName(group.Key)).Append('\n');
        }

        foreach (var mark in Shown)
        {
            sb.Append("    class diff_legend_").Append(ClassName(mark)).Append(' ').Append(ClassName(mark)).Append('\n');
        }
    }

    /// <summary>DOT attributes of a marked state (leading <c>, </c>), or nothing.</summary>
    public static string DotNode(DiagramMark mark)
    {
        if (mark == DiagramMark.None)
        {
            return string.Empty;
        }

        var (fill, stroke, text) = Colours(mark);
        var style = mark == DiagramMark.Removed ? "rounded,filled,dashed" : "rounded,filled";
        return $", style=\"{style}\", color=\"{stroke}\", fillcolor=\"{fill}\", fontcolor=\"{text}\"";
    }

    /// <summary>DOT attributes of a marked cluster (a composite state), one statement per line, or nothing.</summary>
    public static string DotCluster(DiagramMark mark, string indent)
    {
        if (mark == DiagramMark.None)
        {
            return string.Empty;
        }

        var (_, stroke, text) = Colours(mark);
        var style = mark == DiagramMark.Removed ? "rounded,dashed" : "rounded";
        return $"{indent}    color=\"{stroke}\";\n{indent}    fontcolor=\"{text}\";\n{indent}    style=\"{style}\";\n";
    }

    /// <summary>DOT attributes of a marked edge (leading <c>, </c>), or nothing.</summary>
    public static string DotEdge(DiagramMark mark)
    {
        if (mark == DiagramMark.None)
        {
            return string.Empty;
        }

        var (_, stroke, text) = Colours(mark);
        return $", color=\"{stroke}\", fontcolor=\"{text}\"" + (mark == DiagramMark.Removed ? ", style=dashed" : ", penwidth=2");
    }

    /// <summary>A DOT legend cluster.</summary>
    public static void DotLegend(StringBuilder sb, bool english)
    {
        sb.Append("    subgraph \"cluster_diff_legend\" {\n");
        sb.Append("        label=").Append(DotDiagram.Quote(LegendTitle(english))).Append(";\n        style=rounded;\n");
        foreach (var mark in Shown)
        {
            sb.Append("        ").Append(DotDiagram.Quote("diff_legend_" + ClassName(mark))).Append(" [label=")
                .Append(DotDiagram.Quote(Prefix(mark) + Word(mark, english))).Append(DotNode(mark)).Append("];\n");
        }

        sb.Append("    }\n");
    }
}
