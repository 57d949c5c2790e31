using EcoDamage.Workflow.Engine.Diagrams;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Diagrams;

/// <summary>
/// The diagrams of the shipped definitions equal the approved files in <c>approved/</c>. A missing
/// approved file is written by the first run (and the test fails, so a person looks at it); a difference
/// is either an intended change (copy the <c>.received</c> file over the approved one) or a bug.
/// </summary>
public class ApprovedDiagramTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "claim", "mermaid", "zh" },
        { "claim", "dot", "zh" },
        { "claim", "mermaid", "en" },
        { "consultation", "mermaid", "zh" },
        { "consultation", "dot", "en" },
        { "repair", "mermaid", "zh" },
        { "repair", "dot", "zh" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_ShippedDefinition_EqualsApprovedFile(string workflow, string format, string lang)
    {
        var catalog = ShippedCatalog.Catalog;
        var definition = catalog.Latest(workflow)!.Definition;
        var options = new DiagramOptions(lang, catalog.Roles);
        var actual = format == "dot" ? DotDiagram.Render(definition, options) : MermaidDiagram.Render(definition, options);
        var extension = format == "dot" ? "dot" : "mmd";
        var name = lang == "zh" ? $"{workflow}.{extension}" : $"{workflow}.{lang}.{extension}";
        var approved = Path.Combine(RepositoryPaths.Root, "tests", "EcoDamage.Workflow.Engine.Tests", "Diagrams", "approved", name);
        if (!File.Exists(approved))
        {
            File.WriteAllText(approved, actual);
            Assert.Fail($"{name} had no approved file; wrote it from this run: review and commit it");
        }

        var expected = File.ReadAllText(approved).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            File.WriteAllText(approved + ".received", actual);
        }

        Assert.Equal(expected, actual);
    }
}
