using CsCheck;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Properties;

/// <summary>Whatever an administrator types, validation answers with problems, never an exception.</summary>
public sealed class ValidationRobustnessTests
{
    private static readonly string[] ClaimLines =
        File.ReadAllLines(Path.Combine(RepositoryPaths.Workflows, "claim.workflow.yaml"));

    private static readonly string[] Fragments =
        ["{", "}", "[", "]", ":", " - ", "&a", "*a", "'", "\"", "\t", "?", "|", ">", "#", "!!str", "to:", "guard: \"((\"", "30x", "~", "\u0000"];

    [Fact]
    public void Validate_MutatedClaimDefinition_ReportsProblemsWithoutThrowing()
    {
        var mutation = Gen.Select(
            Gen.Int[0, ClaimLines.Length - 1],
            Gen.Int[0, 3],
            Gen.Int[0, Fragments.Length - 1],
            Gen.Int[0, 80]);

        mutation.Array[1, 8].Sample(mutations =>
        {
            var lines = ClaimLines.ToList();
            foreach (var (line, kind, fragment, column) in mutations)
            {
                var at = Math.Min(line, lines.Count - 1);
                switch (kind)
                {
                    case 0:
                        lines.RemoveAt(at);
                        break;
                    case 1:
                        lines.Insert(at, lines[at]);
                        break;
                    case 2:
                        lines[at] = lines[at].Insert(Math.Min(column, lines[at].Length), Fragments[fragment]);
                        break;
                    default:
                        lines[at] = lines[at][..Math.Min(column, lines[at].Length)];
                        break;
                }
            }

            var problems = ShippedCatalog.Catalog.Validate(string.Join('\n', lines), "fuzz.workflow.yaml");

            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.RuleId)));
        }, iter: 300);
    }
}
