using EcoDamage.Workflow.Engine.Diagrams;
using EcoDamage.Workflow.Engine.Diffing;

namespace EcoDamage.Workflow.Engine.Tests.Diffing;

public sealed class DiffDiagramTests
{
    private static Definitions.WorkflowDefinition ClaimNext =>
        NextVersions.Catalog(NextVersions.ClaimNext, NextVersions.ConsultationText).Find("claim", new Definitions.SemanticVersion(2, 1, 0))!.Definition;

    [Fact]
    public void Mermaid_NextVersion_MarksAddedGreenChangedAmberWithLegend()
    {
        var text = DiffDiagram.Mermaid(NextVersions.Claim, ClaimNext);

        Assert.StartsWith("---\ntitle: claim@2.1.0", text, StringComparison.Ordinal);
        Assert.Contains("    state \"+ 线索已归档\" as ClueArchived\n", text);
        Assert.Contains("    ClueScreening --> ClueArchived : + 归档\n", text);
        Assert.Contains("        DamageAssessment --> SimplifiedAssessment : ~ 适用简易评估认定程序 [estimatedDamage #lt;= param.simplifiedThreshold", text);
        Assert.Contains("            state \"~ 支付令审查\" as PaymentOrderReview\n", text);
        Assert.Contains("    classDef added fill:#d4edda,stroke:#28a745,color:#155724\n", text);
        Assert.Contains("    classDef removed fill:#f8d7da,stroke:#dc3545,color:#721c24,stroke-dasharray:5\n", text);
        Assert.Contains("    class ClueArchived added\n", text);
        Assert.Contains("    class PreliminaryCheckPeriod,PaymentOrderReview changed\n", text);
        Assert.Contains("    state \"图例\" as diff_legend {\n        state \"+ 新增\" as diff_legend_added\n", text);
        // Unchanged states and edges are drawn as in the ordinary diagram.
        Assert.Contains("    state \"线索筛查\" as ClueScreening\n", text);
        Assert.Contains("    NotStarted --> NotStartedArchived : 归档\n", text);
    }

    [Fact]
    public void Mermaid_PreviousVersion_DrawsRemovedStateAndTransitionRed()
    {
        var text = DiffDiagram.Mermaid(ClaimNext, NextVersions.Claim, new DiagramOptions("en"));

        Assert.StartsWith("---\ntitle: claim@2.0.0", text, StringComparison.Ordinal);
        Assert.Contains("    state \"− Clue archived\" as ClueArchived\n", text);
        Assert.Contains("    ClueScreening --> ClueArchived : − Archive\n", text);
        Assert.Contains("    class ClueArchived removed\n", text);
        Assert.Contains("    state \"Legend\" as diff_legend {\n", text);
    }

    [Fact]
    public void Dot_NextVersion_ColoursNodesAndEdgesWithLegend()
    {
        var text = DiffDiagram.Dot(NextVersions.Claim, ClaimNext, new DiagramOptions("en"));
        var back = DiffDiagram.Dot(ClaimNext, NextVersions.Claim);

        Assert.Contains("\"ClueArchived\" [label=\"+ Clue archived\", peripheries=2, style=\"rounded,filled\", color=\"#28a745\", fillcolor=\"#d4edda\", fontcolor=\"#155724\"];", text);
        Assert.Contains("\"ClueScreening\" -> \"ClueArchived\" [label=\"+ Archive\", color=\"#28a745\", fontcolor=\"#155724\", penwidth=2];", text);
        Assert.Contains("\"PaymentOrderReview\" [label=\"~ Court reviewing the application", text);
        Assert.Contains("subgraph \"cluster_diff_legend\" {", text);
        Assert.Contains("\"ClueScreening\" -> \"ClueArchived\" [label=\"− 归档\", color=\"#dc3545\", fontcolor=\"#721c24\", style=dashed];", back);
        Assert.Contains("\"ClueArchived\" [label=\"− 线索已归档\", peripheries=2, style=\"rounded,filled,dashed\"", back);
    }

    [Fact]
    public void Render_WithoutMarks_IsTheOrdinaryDiagram()
    {
        var claim = NextVersions.Claim;

        Assert.Equal(MermaidDiagram.Render(claim), MermaidDiagram.Render(claim, DiagramOptions.Default with { Marks = null }));
        Assert.DoesNotContain("classDef", MermaidDiagram.Render(claim), StringComparison.Ordinal);
        Assert.DoesNotContain("diff_legend", DotDiagram.Render(claim), StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_SameVersion_MarksNothingButDrawsTheLegend()
    {
        var text = DiffDiagram.Mermaid(NextVersions.Claim, NextVersions.Claim);

        Assert.DoesNotContain("\n    class Clue", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" : + ", text, StringComparison.Ordinal);
        Assert.Contains("    class diff_legend_added added\n", text);
    }
}
