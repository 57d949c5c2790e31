using EcoDamage.Workflow.Cli;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Cli.Tests;

public class CliAppTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Sample(string name) => Path.Combine(RepositoryPaths.Workflows, "scenarios", name);

    [Fact]
    public void Validate_ShippedCatalog_ExitsZeroWithSummary()
    {
        var (code, output, _) = Run("validate", "--workflows", RepositoryPaths.Workflows);

        Assert.Equal(0, code);
        Assert.Contains("validate: 0 errors", output);
    }

    [Fact]
    public void Validate_BrokenFile_PrintsCompilerStyleProblemsAndExitsOne()
    {
        var dir = Directory.CreateTempSubdirectory("ecodamage-cli-");
        try
        {
            var file = Path.Combine(dir.FullName, "broken.workflow.yaml");
            File.WriteAllText(file, "id: broken\nversion: 1.0.0\nzh: 坏\nen: Broken\neffective: { from: 2030-01-01 }\ncalendar: cn-mainland\ninitial: Nowhere\nstates:\n  A: { zh: 甲, en: A, terminal: true, colour: red }\n");

            var (code, output, _) = Run("validate", "--workflows", RepositoryPaths.Workflows, file);

            Assert.Equal(1, code);
            Assert.Matches(@"broken\.workflow\.yaml:\d+:\d+: error WF\d{3}: ", output);
            Assert.Contains("colour", output);
            Assert.Matches(@"validate: [1-9]\d* errors?", output);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Validate_MissingFolder_ExitsTwo()
    {
        var (code, _, error) = Run("validate", "--workflows", "/nonexistent/workflows");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Diagram_ClaimAsDotInEnglish_PrintsDigraph()
    {
        var (code, output, _) = Run("diagram", "claim", "--format", "dot", "--lang", "en", "--workflows", RepositoryPaths.Workflows);

        Assert.Equal(0, code);
        Assert.StartsWith("digraph \"claim\" {", output, StringComparison.Ordinal);
        Assert.Contains("Clue screening", output);
    }

    [Fact]
    public void Diagram_UnknownWorkflow_ExitsOneWithMessage()
    {
        var (code, output, error) = Run("diagram", "nope", "--workflows", RepositoryPaths.Workflows);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("no workflow 'nope'", error);
    }

    [Fact]
    public void Diagram_BadFormat_IsUsageErrorExitTwo()
    {
        var (code, _, error) = Run("diagram", "claim", "--format", "svg");

        Assert.Equal(2, code);
        Assert.Contains("svg", error);
    }

    [Fact]
    public void Simulate_SampleScenario_PrintsTimelineAndExitsZero()
    {
        var (code, output, _) = Run("simulate", Sample("preliminary-check-escalated.scenario.yaml"), "--workflows", RepositoryPaths.Workflows);

        Assert.Equal(0, code);
        Assert.Contains("Time (Asia/Shanghai)", output);
        Assert.Contains("2026-04-02 00:00      escalated", output);
        Assert.Contains("simulate: PASSED", output);
    }

    [Fact]
    public void Simulate_FailingExpectation_ExitsOneAndNamesTheStep()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "workflow: claim\nstart: 2026-03-02T09:00\ndata: { channel: other, domain: forestry, jurisdiction: tongzhou }\nsteps:\n  - expect: { state: Closed }\n");

            var (code, output, error) = Run("simulate", file, "--workflows", RepositoryPaths.Workflows);

            Assert.Equal(1, code);
            Assert.Contains("simulate: FAILED", output);
            Assert.Contains(":5:", error);
            Assert.Contains("expected state Closed", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Simulate_BadYaml_ReportsPositionWithoutStackTrace()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "workflow: [claim\n");

            var (code, _, error) = Run("simulate", file, "--workflows", RepositoryPaths.Workflows);

            Assert.Equal(1, code);
            Assert.Contains("error WF001", error);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Simulate_MissingFile_ExitsTwo()
    {
        var (code, _, error) = Run("simulate", "/nonexistent/scenario.yaml");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
    }
}
