using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Simulation;

/// <summary><see cref="WorkflowCatalog.WithCandidate"/>: the catalog a draft is simulated on (issue 14).</summary>
public sealed class CandidateCatalogTests
{
    private static string Consultation => File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "consultation.workflow.yaml"));

    [Fact]
    public void WithCandidate_Valid_ReplacesEveryVersionOfItsIdAndKeepsTheRest()
    {
        var result = ShippedCatalog.Catalog.WithCandidate(SimulationComparerTests.Consultation120Days(), "draft.yaml");

        Assert.True(result.Success, string.Join('\n', result.Problems));
        var catalog = result.Catalog!;
        Assert.Equal(["claim@2.0.0", "consultation@2.1.0", "repair@2.0.0"], catalog.Workflows.Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.Same(ShippedCatalog.Catalog.Latest("claim"), catalog.Latest("claim"));
        Assert.Null(catalog.SourceOf("consultation@2.0.0"));
        Assert.Equal(SimulationComparerTests.Consultation120Days(), catalog.SourceOf("consultation@2.1.0")!.Text);
        Assert.Equal(ShippedCatalog.Catalog.Scenarios, catalog.Scenarios);
        Assert.Equal(2, ShippedCatalog.Catalog.Workflows.Count(w => w.Definition.Id != "consultation"));
    }

    [Fact]
    public void WithCandidate_SameVersionAsPublished_IsNotADuplicate()
    {
        // The candidate replaces the published version of its id: WF051 (declared twice) does not apply.
        var result = ShippedCatalog.Catalog.WithCandidate(Consultation.Replace("period: 90d", "period: 120d", StringComparison.Ordinal), "draft.yaml");

        Assert.True(result.Success, string.Join('\n', result.Problems));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void WithCandidate_Invalid_EveryProblemWithItsLineAndNoCatalog()
    {
        var lines = Consultation.Replace("period: 90d", "period: 90x", StringComparison.Ordinal).Split('\n');
        var periodLine = Array.FindIndex(lines, l => l.Contains("period: 90x", StringComparison.Ordinal)) + 1;
        var unknownLine = Array.FindIndex(lines, l => l.TrimEnd() == "        to: Failed") + 1;
        lines[unknownLine - 1] = "        to: Faild";

        var result = ShippedCatalog.Catalog.WithCandidate(string.Join('\n', lines), "draft.yaml");

        Assert.False(result.Success);
        Assert.Null(result.Catalog);
        Assert.Contains(result.Problems, p => p.Position.Line == periodLine && p.Position.File == "draft.yaml");
        Assert.Contains(result.Problems, p => p.Position.Line == unknownLine && p.Message.Contains("Faild", StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.True(p.Position.Line > 0 && p.Position.Column > 0));
    }

    [Fact]
    public void WithCandidate_BreaksACaller_TheCallersProblemsInItsOwnFile()
    {
        // The claim maps consultation's terminal states Agreed and Failed to its outcome triggers (claim.workflow.yaml, Consultation).
        var renamed = Consultation.Replace("to: Failed", "to: Broken", StringComparison.Ordinal).Replace("\n  Failed:", "\n  Broken:", StringComparison.Ordinal);
        var claimLines = File.ReadAllLines(Path.Combine(RepositoryPaths.Workflows, "claim.workflow.yaml"));
        var outcomesLine = Array.FindIndex(claimLines, l => l.Contains("outcomes: { Agreed: ConsultationAgreed, Failed: ConsultationFailed }", StringComparison.Ordinal)) + 1;

        var result = ShippedCatalog.Catalog.WithCandidate(renamed, "draft.yaml");

        Assert.False(result.Success);
        var notTerminal = Assert.Single(result.Problems, p => p.RuleId == "WF011");
        Assert.EndsWith("claim.workflow.yaml", notTerminal.Position.File, StringComparison.Ordinal);
        Assert.Equal(outcomesLine, notTerminal.Position.Line);
        Assert.Contains(result.Problems, p => p.RuleId == "WF061" && p.Message.Contains("'Broken'", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenarios_ShippedCatalog_TheStoredScenarioFilesByPath()
    {
        Assert.Equal(
        [
            "scenarios/consultation-failed-litigation.scenario.yaml",
            "scenarios/full-claim-agreement-repair-closure.scenario.yaml",
            "scenarios/instalment-default.scenario.yaml",
            "scenarios/money-only-escrow-joint-obligors.scenario.yaml",
            "scenarios/phased-repair.scenario.yaml",
            "scenarios/preliminary-check-escalated.scenario.yaml",
        ], ShippedCatalog.Catalog.Scenarios.Select(f => f.Path));
    }

    [Fact]
    public void Load_BrokenScenarioFile_StillLoadsAndKeepsTheFileAsWritten()
    {
        var files = Directory.GetFiles(RepositoryPaths.Workflows, "*.workflow.yaml")
            .Select(f => new CatalogFile(Path.GetFileName(f), File.ReadAllText(f)))
            .Append(new CatalogFile("roles.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "roles.yaml"))))
            .Append(new CatalogFile("ledger.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "ledger.yaml"))))
            .Append(new CatalogFile("calendars/cn-mainland.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "calendars", "cn-mainland.yaml"))))
            .Append(new CatalogFile("tables/department-routing.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "tables", "department-routing.yaml"))))
            .Append(new CatalogFile("scenarios/broken.scenario.yaml", "workflow: [unclosed"))
            .Append(new CatalogFile("scenarios/nested/other.scenario.yaml", "workflow: claim"))
            .ToList();

        var result = WorkflowCatalog.Load(files);

        Assert.True(result.Success, string.Join('\n', result.Problems));
        var scenario = Assert.Single(result.Catalog!.Scenarios);
        Assert.Equal("workflow: [unclosed", scenario.Text);
        Assert.Equal("broken", Engine.Simulation.ScenarioSource.NameOf(scenario));
    }

    [Fact]
    public void Read_ZhAndEnKeys_TheScenarioTitle()
    {
        var stored = Assert.Single(Engine.Simulation.ScenarioSource.Stored(ShippedCatalog.Catalog), s => s.Name == "preliminary-check-escalated");

        var title = Engine.Simulation.ScenarioReader.Read(stored.Text, stored.Path).Scenario!.Title;

        Assert.Equal(new Definitions.LocalizedText("初步核查逾期，移送检察院监督", "The preliminary check runs out and is escalated to the procuratorate"), title);
        Assert.Null(Engine.Simulation.ScenarioReader.Read("workflow: claim\nstart: 2026-03-02T09:00\nsteps: []\n", "t.yaml").Scenario!.Title);
    }
}
