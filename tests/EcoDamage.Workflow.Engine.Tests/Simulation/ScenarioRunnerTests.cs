using EcoDamage.Workflow.Engine.Simulation;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Simulation;

public class ScenarioRunnerTests
{
    private static ScenarioResult Run(string yaml) => new ScenarioRunner(ShippedCatalog.Catalog).Run(yaml, "test.yaml");

    [Theory]
    [InlineData("preliminary-check-escalated.scenario.yaml", "Investigation")]
    [InlineData("full-claim-agreement-repair-closure.scenario.yaml", "Closed")]
    [InlineData("consultation-failed-litigation.scenario.yaml", "Litigation")]
    [InlineData("phased-repair.scenario.yaml", "FundsSettlement")]
    [InlineData("instalment-default.scenario.yaml", "NonPerformance")]
    [InlineData("money-only-escrow-joint-obligors.scenario.yaml", "Closed")]
    public void Run_SampleScenario_Succeeds(string file, string finalState)
    {
        var path = Path.Combine(RepositoryPaths.Workflows, "scenarios", file);
        var result = new ScenarioRunner(ShippedCatalog.Catalog).Run(File.ReadAllText(path), file);

        Assert.Empty(result.Problems);
        Assert.True(result.Success, string.Join("\n", result.Failures.Select(f => f.Details)));
        Assert.Equal(finalState, result.Case!.State);
    }

    [Fact]
    public void Run_PreliminaryCheckRunsOut_RemindsAt7dAnd1dThenEscalatesAtDue()
    {
        var result = Run("""
            workflow: claim
            start: 2026-03-02T09:00
            data: { channel: complaintOrReport, domain: waterResources, jurisdiction: chongchuan }
            steps:
              - fire: StartPreliminaryCheck
              - advance: 40d
            """);

        var zone = result.Zone;
        var reminders = result.Timeline.Where(e => e.Kind == TimelineKind.Reminder).Select(e => e.At.InZone(zone).LocalDateTime).ToList();
        Assert.Equal([new LocalDateTime(2026, 3, 26, 0, 0), new LocalDateTime(2026, 4, 1, 0, 0)], reminders);
        var escalated = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.Escalated);
        Assert.Equal(new LocalDateTime(2026, 4, 2, 0, 0), escalated.At.InZone(zone).LocalDateTime);
        Assert.Equal(Duration.Zero, escalated.Lateness);
        Assert.Contains("procuratorate", result.Case!.Supervision);
        Assert.True(result.Success);
    }

    [Fact]
    public void Run_ListOfMappingsInData_IsHandedToTheEngineAsRecords()
    {
        // A list of mappings is a record list; a trigger without that record key refuses it (a single-value field).
        var result = Run("""
            workflow: claim
            start: 2026-03-02T09:00
            data: { channel: complaintOrReport, domain: waterResources, jurisdiction: chongchuan }
            steps:
              - fire: DismissClue
                data:
                  description:
                    - { kind: paid, amount: 100 }
                expect: refused
              - expect: { state: ClueScreening }
            """);

        Assert.Empty(result.Problems);
        Assert.True(result.Success, string.Join("\n", result.Failures.Select(f => f.Details)));
        var refused = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.Refused);
        Assert.Contains("not a list of records", refused.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StartRefused_IsAFailureNamingTheReasonNotACrash()
    {
        // Without its jurisdiction (R4) a clue cannot be registered: the run fails at the start, with the reason.
        var result = Run("""
            workflow: claim
            start: 2026-03-02T09:00
            data: { channel: complaintOrReport, domain: waterResources }
            steps:
              - fire: StartPreliminaryCheck
            """);

        Assert.False(result.Success);
        var refused = Assert.Single(result.Timeline);
        Assert.Equal(TimelineKind.Refused, refused.Kind);
        Assert.Contains("jurisdiction", refused.Details, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.State);
    }

    [Fact]
    public void Run_ListOfScalarsInData_IsAProblemWithItsLine()
    {
        var result = Run("""
            workflow: claim
            start: 2026-03-02T09:00
            data: { channel: complaintOrReport, domain: waterResources, jurisdiction: chongchuan }
            steps:
              - fire: DismissClue
                data:
                  description: [1, 2]
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("WF004", problem.RuleId);
        Assert.Equal(7, problem.Position.Line);
    }

    [Fact]
    public void Run_FailedExpectation_FailsAndStops()
    {
        var result = Run("""
            workflow: claim
            start: 2026-03-02T09:00
            data: { channel: complaintOrReport, domain: waterResources, jurisdiction: chongchuan }
            steps:
              - expect: { state: Investigation }
              - fire: StartPreliminaryCheck
            """);

        Assert.False(result.Success);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(TimelineKind.ExpectationFailed, failure.Kind);
        Assert.Equal(5, failure.Step!.Value.Line);
        Assert.DoesNotContain(result.Timeline, e => e.Kind == TimelineKind.Fired);
    }

    [Fact]
    public void Run_UnexpectedRefusal_Fails()
    {
        var result = Run("""
            workflow: claim
            start: 2026-03-02T09:00
            data: { channel: complaintOrReport, domain: waterResources, jurisdiction: chongchuan }
            steps:
              - fire: OpenCase
            """);

        Assert.False(result.Success);
        Assert.Equal(TimelineKind.Refused, Assert.Single(result.Failures).Kind);
    }

    [Fact]
    public void Run_UnknownTriggerRoleAndWorkflowMistakes_ReportedWithPositions()
    {
        var result = Run("""
            workflow: claim
            start: 2026-03-02T09:00
            data: { channel: complaintOrReport, domain: waterResources, jurisdiction: chongchuan }
            steps:
              - fire: OpenCas
                as: nobody
            """);

        Assert.False(result.Success);
        Assert.Contains(result.Problems, p => p.RuleId == "SC005" && p.Position.Line == 5 && p.Message.Contains("did you mean 'OpenCase'"));
        Assert.Contains(result.Problems, p => p.RuleId == "SC007" && p.Position.Line == 6);
        Assert.Empty(result.Timeline);

        var unknown = Run("workflow: clam\nstart: 2026-03-02\nsteps: []\n");
        Assert.Equal("SC004", Assert.Single(unknown.Problems).RuleId);
    }

    [Theory]
    [InlineData("workflow: claim\nstart: 2026-13-02T09:00\nsteps: []\n", "SC001", 2)]
    [InlineData("workflow: claim\nstart: 2026-03-02\nsteps:\n  - advance: 3 days\n", "SC002", 4)]
    [InlineData("workflow: claim\nstart: 2026-03-02\nsteps: []\nextra: 1\n", "WF003", 4)]
    [InlineData("workflow: claim\nstart: 2026-03-02\nsteps:\n  - { fire: X, attach: y }\n", "SC003", 4)]
    [InlineData("workflow: [claim\n", "WF001", 2)]
    public void Read_BadInput_GivesProblemWithPositionNotException(string yaml, string rule, int line)
    {
        var read = ScenarioReader.Read(yaml, "bad.yaml");

        Assert.Null(read.Scenario);
        Assert.Contains(read.Problems, p => p.RuleId == rule && p.Position.Line == line && p.Position.File == "bad.yaml");
    }

    [Fact]
    public void Read_DurationsAndUntil_AreParsed()
    {
        var read = ScenarioReader.Read("workflow: claim\nstart: 2026-03-02T09:00\nsteps:\n  - advance: 1w2d3h30min\n  - until: 2026-05-01T08:00\n", "ok.yaml");

        var steps = read.Scenario!.Steps.Cast<AdvanceStep>().ToList();
        Assert.Equal(new PeriodBuilder { Weeks = 1, Days = 2, Hours = 3, Minutes = 30 }.Build(), steps[0].By);
        Assert.Equal(new LocalDateTime(2026, 5, 1, 8, 0), steps[1].Until);
    }
}
