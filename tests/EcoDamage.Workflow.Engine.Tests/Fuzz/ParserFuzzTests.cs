using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Simulation;
using EcoDamage.Workflow.TestUtils;
using Xunit.Abstractions;

namespace EcoDamage.Workflow.Engine.Tests.Fuzz;

/// <summary>
/// The definition and scenario parsers over seeded mutations of the shipped YAML (issue 13, "Tests that must exist":
/// fuzz): never an exception, only problems, each with a line and column.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 1313;
    private const int MutationsPerFile = 150;

    public static TheoryData<string> Definitions => new(Directory.GetFiles(RepositoryPaths.Workflows, "*.workflow.yaml").Select(Path.GetFileName)!);

    public static TheoryData<string> Scenarios => new(Directory.GetFiles(ScenarioFolder, "*.scenario.yaml").Select(Path.GetFileName)!);

    private static string ScenarioFolder => Path.Combine(RepositoryPaths.Workflows, "scenarios");

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Validate_MutatedDefinition_ProblemsWithPositionsNeverAnException(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file));
        var mutator = new YamlMutator(Seed ^ StableHash(file));
        var catalog = ShippedCatalog.Catalog;
        var withProblems = 0;
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var mutated = mutator.Mutate(text);
            IReadOnlyList<Problem> problems;
            try
            {
                problems = catalog.Validate(mutated, file);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"mutation {i} of {file} threw {ex.GetType().Name}: {ex.Message}\n--- text ---\n{mutated}");
                throw;
            }

            AssertPositioned(problems, file, i);
            withProblems += problems.Count > 0 ? 1 : 0;
        }

        output.WriteLine($"{file}: {MutationsPerFile} mutations validated, {withProblems} with problems, none threw");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Read_MutatedScenario_ProblemsWithPositionsNeverAnException(string file)
    {
        var text = File.ReadAllText(Path.Combine(ScenarioFolder, file));
        var mutator = new YamlMutator(Seed ^ StableHash(file));
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var mutated = mutator.Mutate(text);
            ScenarioReadResult result;
            try
            {
                result = ScenarioReader.Read(mutated, file);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"mutation {i} of {file} threw {ex.GetType().Name}: {ex.Message}\n--- text ---\n{mutated}");
                throw;
            }

            AssertPositioned(result.Problems, file, i);
        }

        output.WriteLine($"{file}: {MutationsPerFile} mutations read, none threw");
    }

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static void AssertPositioned(IReadOnlyList<Problem> problems, string file, int mutation)
    {
        foreach (var problem in problems)
        {
            Assert.True(problem.Position.Line >= 1 && problem.Position.Column >= 1, $"mutation {mutation} of {file}: problem without a position: {problem}");
        }
    }
}
