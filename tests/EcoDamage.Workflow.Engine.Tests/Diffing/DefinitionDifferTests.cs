using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diffing;
using Xunit.Abstractions;

namespace EcoDamage.Workflow.Engine.Tests.Diffing;

public sealed class DefinitionDifferTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var next = NextVersions.Catalog(NextVersions.ClaimNext, NextVersions.ConsultationNext);
        foreach (var (a, b) in new[] { (NextVersions.Claim, next.Find("claim", new SemanticVersion(2, 1, 0))!.Definition), (NextVersions.Consultation, next.Find("consultation", new SemanticVersion(2, 1, 0))!.Definition) })
        {
            var diff = DefinitionDiffer.Diff(a, b);
            foreach (var c in diff.Changes)
            {
                output.WriteLine($"{c.Kind} | {c.Element} | {c.Path} | {c.Before} | {c.After}\n   {c.Describe("zh")}\n   {c.Describe("en")}");
            }

            output.WriteLine(DiffDiagram.Mermaid(a, b));
            output.WriteLine(DiffDiagram.Dot(a, b, new EcoDamage.Workflow.Engine.Diagrams.DiagramOptions("en")));
        }
    }
}
