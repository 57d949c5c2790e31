using EcoDamage.Workflow.Engine.Diagrams;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Diagrams;

public class DiagramTests
{
    private static Definitions.WorkflowDefinition Claim => ShippedCatalog.Catalog.Latest("claim")!.Definition;

    [Fact]
    public void MermaidRender_Claim_DrawsCompositeInitialTerminalGuardDeadlineAndCall()
    {
        var text = MermaidDiagram.Render(Claim);

        Assert.StartsWith("---\ntitle: claim@2.0.0", text, StringComparison.Ordinal);
        Assert.Contains("stateDiagram-v2\n", text);
        Assert.Contains("    [*] --> ClueScreening\n", text);
        Assert.Contains("    state Claim {\n", text);
        Assert.Contains("        [*] --> Investigation\n", text);
        Assert.Contains("    Closed --> [*]\n", text);
        Assert.Contains("PreliminaryCheck --> Claim : 立案 [damageFound]", text);
        Assert.Contains("⏱ 初步核查期限（30日）#58; 30d（提前 7d、1d 提醒） → 移交监督 procuratorate", text);
        Assert.Contains("Consultation : ⇒ consultation (Agreed → ConsultationAgreed, Failed → ConsultationFailed)", text);
        Assert.Contains("ConsultationPreparation : ↻ 提出惩罚性赔偿 [intentionalViolation && seriousConsequences && punitiveAmount #gt; 0", text);
    }

    [Fact]
    public void MermaidRender_English_UsesEnglishNamesAndTriggerIds()
    {
        var text = MermaidDiagram.Render(Claim, new DiagramOptions("en"));

        Assert.Contains("state \"Clue screening\" as ClueScreening", text);
        Assert.Contains("PreliminaryCheck --> Claim : OpenCase [damageFound]", text);
        Assert.Contains("⏱ Preliminary check period (30 days)#58; 30d (remind 7d, 1d before) → escalate procuratorate", text);
    }

    [Fact]
    public void MermaidRender_SameDefinitionTwice_IsIdentical()
    {
        Assert.Equal(MermaidDiagram.Render(Claim), MermaidDiagram.Render(Claim));
        Assert.Equal(DotDiagram.Render(Claim), DotDiagram.Render(Claim));
    }

    [Theory]
    [InlineData("end", "s_end")]
    [InlineData("state", "s_state")]
    [InlineData("9lives", "s_9lives")]
    [InlineData("a-b c", "a_b_c")]
    [InlineData("Plain", "Plain")]
    public void SafeId_AwkwardId_IsIdentifierAndNotKeyword(string id, string expected)
    {
        Assert.Equal(expected, MermaidDiagram.SafeId(id, new HashSet<string>()));
    }

    [Fact]
    public void SafeId_CollidingIds_AreMadeUnique()
    {
        var taken = new HashSet<string>();
        Assert.Equal("a_b", MermaidDiagram.SafeId("a-b", taken));
        Assert.Equal("a_b_2", MermaidDiagram.SafeId("a.b", taken));
    }

    [Fact]
    public void Escape_MermaidSyntaxCharacters_AreEntityCoded()
    {
        Assert.Equal("a #lt; b #59; #quot;x#quot; #35;1 #58; {", MermaidDiagram.Escape("a < b ; \"x\" #1 : {").Replace("#123;", "{"));
    }

    [Fact]
    public void DotRender_Claim_UsesClustersCompoundEdgesAndEscapedStrings()
    {
        var text = DotDiagram.Render(Claim);

        Assert.StartsWith("digraph \"claim\" {\n    compound=true;", text, StringComparison.Ordinal);
        Assert.Contains("subgraph \"cluster_Claim\" {", text);
        Assert.Contains("\"PreliminaryCheck\" -> \"Claim::initial\" [label=\"立案 [damageFound]\", lhead=\"cluster_Claim\"];", text);
        Assert.Contains("\"Claim::initial\" -> \"Terminated\" [label=\"终止索赔 [!(notStartingGround == 'insignificantDamage' && (inRedLineArea || reoffendedWithinTwoYears))]\", ltail=\"cluster_Claim\"];", text);
        Assert.Contains("\"Closed\" -> \"root::final\";", text);
        Assert.Contains("[label=\"5. 提交修复效果评估 [repairMode == 'alternativeRepair']\"]", DotDiagram.Render(ShippedCatalog.Catalog.Latest("repair")!.Definition));
    }

    [Fact]
    public void Quote_QuotesBackslashesAndNewlines_AreEscaped()
    {
        Assert.Equal("\"a \\\"b\\\" c\\\\d\\ne\"", DotDiagram.Quote("a \"b\" c\\d\ne"));
    }
}
