using System.Text.RegularExpressions;
using EcoDamage.Workflow.Engine.Diagrams;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Diagrams;

public sealed partial class MermaidScopeTests
{
    [Theory]
    [InlineData("claim")]
    [InlineData("consultation")]
    [InlineData("repair")]
    public void MermaidRender_EveryEdge_NamesOnlyStatesOfItsOwnBlock(string workflow)
    {
        var mermaid = MermaidDiagram.Render(ShippedCatalog.Catalog.Latest(workflow)!.Definition);

        // Mermaid puts a state in the block where it is first named: an edge inside a composite that
        // names a state declared outside it would draw a second copy of that state.
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocks = new Stack<string>([""]);
        var edges = new List<(string Block, string From, string To)>();
        foreach (var line in mermaid.Split('\n').Select(l => l.Trim()))
        {
            if (Declaration().Match(line) is { Success: true } d)
            {
                declaredIn.TryAdd(d.Groups[1].Value, blocks.Peek());
            }
            else if (BlockStart().Match(line) is { Success: true } b)
            {
                blocks.Push(b.Groups[1].Value);
            }
            else if (line == "}")
            {
                blocks.Pop();
            }
            else if (Edge().Match(line) is { Success: true } e)
            {
                edges.Add((blocks.Peek(), e.Groups[1].Value, e.Groups[2].Value));
            }
        }

        Assert.NotEmpty(edges);
        foreach (var (block, from, to) in edges)
        {
            Assert.True(declaredIn[from] == block || IsInside(declaredIn, from, block), $"{from} --> {to} written in '{block}'");
            Assert.True(declaredIn[to] == block || IsInside(declaredIn, to, block), $"{from} --> {to} written in '{block}'");
        }
    }

    private static bool IsInside(Dictionary<string, string> declaredIn, string state, string block)
    {
        for (var b = declaredIn[state]; b != ""; b = declaredIn[b])
        {
            if (b == block)
            {
                return true;
            }
        }

        return block == "";
    }

    [GeneratedRegex("^state \"[^\"]*\" as (\\w+)$")]
    private static partial Regex Declaration();

    [GeneratedRegex("^state (\\w+) \\{$")]
    private static partial Regex BlockStart();

    [GeneratedRegex("^(\\w+) --> (\\w+) :")]
    private static partial Regex Edge();
}
