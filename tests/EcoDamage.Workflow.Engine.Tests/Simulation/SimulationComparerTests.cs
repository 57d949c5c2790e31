using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Simulation;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Simulation;

/// <summary>
/// Issue 14, "simulation before publishing": a scenario played on a candidate definition and on the published version,
/// and the differences between the two timelines. The consultation period is 90 days from the written notice (N3,
/// <c>consultation.workflow.yaml</c> <c>consultationPeriod</c>); the candidate makes it 120 days.
/// </summary>
public sealed class SimulationComparerTests
{
    /// <summary>Notice served on Tuesday 2026-04-07: day 90 is Monday 2026-07-06 and day 120 Wednesday 2026-08-05, both working days.</summary>
    internal const string PostedScenario = """
        zh: 磋商期限届满
        en: The consultation period runs out
        workflow: claim
        start: 2026-03-02T09:00
        case: CASE-SIM-1
        data: { channel: suddenIncident, domain: environmentalPollution, jurisdiction: tongzhou }
        steps:
          - fire: StartPreliminaryCheck
          - attach: preliminaryCheckReport
          - attach: caseOpeningDecision
          - fire: OpenCase
            data: { damageFound: true }
          - attach: siteSurveyRecord
          - attach: samplingMonitoringReport
          - attach: photoVideoEvidence
          - fire: CompleteInvestigation
            data: { estimatedDamage: 2500000, factsSimple: true, liabilityUndisputed: true, damageSmall: false }
          - fire: CommissionAppraisal
            data: { appraisalMode: qualifiedInstitution }
          - advance: 30d
          - attach: appraisalOpinion
            as: appraisalInstitution
          - fire: DeliverAppraisal
            as: appraisalInstitution
            data: { assessedDamage: 2400000 }
          - attach: compensationOpinionLetter
          - fire: IssueOpinionLetter
          - attach: writtenNotice
          - fire: ServeWrittenNotice
            data: { noticeServedOn: 2026-04-07 }
          - advance: 140d
          - expect: { state: LitigationDecision, data: { failureGround: expired } }
        """;

    internal static string Consultation120Days() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "consultation.workflow.yaml"))
            .Replace("version: 2.0.0", "version: 2.1.0", StringComparison.Ordinal)
            .Replace("period: 90d", "period: 120d", StringComparison.Ordinal);

    [Fact]
    public void Compare_Consultation120DaysOnAPostedScenario_DeadlineDue30DaysLaterThanOnThePublishedVersion()
    {
        var candidate = ShippedCatalog.Catalog.WithCandidate(Consultation120Days(), "draft.yaml");
        Assert.True(candidate.Success, string.Join('\n', candidate.Problems));

        var result = new SimulationComparer(ShippedCatalog.Catalog, candidate.Catalog!, "en").Compare(new ScenarioSource("posted", PostedScenario, "posted.yaml"));

        Assert.True(result.Published!.Success, string.Join('\n', result.Published.Failures.Select(f => f.Details)));
        Assert.True(result.Candidate.Success, string.Join('\n', result.Candidate.Failures.Select(f => f.Details)));
        var zone = result.Candidate.Zone;
        var publishedOpened = Assert.Single(result.Published.Timeline, e => e.Kind == TimelineKind.DeadlineOpened && e.Subject == Period);
        var candidateOpened = Assert.Single(result.Candidate.Timeline, e => e.Kind == TimelineKind.DeadlineOpened && e.Subject == Period);
        // Day 90 after the notice of 2026-04-07 is 2026-07-06 (due at its end), day 120 is 2026-08-05 (N3).
        Assert.Equal(new LocalDateTime(2026, 7, 7, 0, 0), publishedOpened.Due!.Value.InZone(zone).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 8, 6, 0, 0), candidateOpened.Due!.Value.InZone(zone).LocalDateTime);
        Assert.Equal(Duration.FromDays(30), candidateOpened.Due.Value - publishedOpened.Due.Value);
        Assert.Contains("consultation@2.1.0", Assert.Single(result.Candidate.Timeline, e => e.Kind == TimelineKind.CallStarted).Details, StringComparison.Ordinal);

        Assert.All(result.Differences, d => Assert.Equal(DifferenceKind.Changed, d.Change));
        Assert.Equal(
        [
            "deadline opened consultation/consultationPeriod#1: due 2026-07-07 00:00 → 2026-08-06 00:00",
            "reminder consultation/consultationPeriod#1: at 2026-06-22 00:00 → 2026-07-22 00:00; due 2026-07-07 00:00 → 2026-08-06 00:00",
            "reminder consultation/consultationPeriod#1: at 2026-06-30 00:00 → 2026-07-30 00:00; due 2026-07-07 00:00 → 2026-08-06 00:00",
            "reminder consultation/consultationPeriod#1: at 2026-07-06 00:00 → 2026-08-05 00:00; due 2026-07-07 00:00 → 2026-08-06 00:00",
            "overdue consultation/consultationPeriod#1: at 2026-07-07 00:00 → 2026-08-06 00:00; due 2026-07-07 00:00 → 2026-08-06 00:00",
            "fired DeemFailed: at 2026-07-07 00:00 → 2026-08-06 00:00",
            "deadline closed consultation/consultationPeriod#1: at 2026-07-07 00:00 → 2026-08-06 00:00; due 2026-07-07 00:00 → 2026-08-06 00:00",
            "fired ConsultationFailed: at 2026-07-07 00:00 → 2026-08-06 00:00",
        ], result.Differences.Select(d => d.Text));
    }

    [Fact]
    public void Compare_StoredScenarioExpectingThe90DayEnd_FailsOnTheCandidateOnly()
    {
        // consultation-failed-litigation advances 95 days after the notice and expects the consultation deemed failed.
        var candidate = ShippedCatalog.Catalog.WithCandidate(Consultation120Days(), "draft.yaml").Catalog!;
        var stored = Assert.Single(ScenarioSource.Stored(ShippedCatalog.Catalog), s => s.Name == "consultation-failed-litigation");

        var result = new SimulationComparer(ShippedCatalog.Catalog, candidate).Compare(stored);

        Assert.True(result.Published!.Success);
        Assert.False(result.Candidate.Success);
        var failure = Assert.Single(result.Candidate.Failures);
        Assert.Equal(TimelineKind.ExpectationFailed, failure.Kind);
        Assert.Equal(39, failure.Step!.Value.Line);
        Assert.Contains(result.Differences, d => d.Change == DifferenceKind.OnlyCandidate && d.Kind == TimelineKind.ExpectationFailed);
        Assert.Contains(result.Differences, d => d.Change == DifferenceKind.OnlyPublished && d.Kind == TimelineKind.Fired && d.Subject == "FileLawsuit");
    }

    [Fact]
    public void Compare_WithoutAPublishedCatalog_RunsAloneAndComparesNothing()
    {
        var stored = ScenarioSource.Stored(ShippedCatalog.Catalog)[0];

        var result = new SimulationComparer(null, ShippedCatalog.Catalog).Compare(stored);

        Assert.Equal("consultation-failed-litigation", result.Scenario);
        Assert.True(result.Candidate.Success);
        Assert.Null(result.Published);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public void Compare_SameCatalogTwice_NoDifferences()
    {
        var stored = Assert.Single(ScenarioSource.Stored(ShippedCatalog.Catalog), s => s.Name == "phased-repair");

        var result = new SimulationComparer(ShippedCatalog.Catalog, ShippedCatalog.Catalog).Compare(stored);

        Assert.True(result.Candidate.Success);
        Assert.Equal(result.Published!.Timeline.Count, result.Candidate.Timeline.Count);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public void Compare_CandidateNotInForceOnTheScenarioStart_TheScenarioStillRunsOnTheCandidate()
    {
        var claim = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "claim.workflow.yaml"))
            .Replace("version: 2.0.0", "version: 3.0.0", StringComparison.Ordinal)
            .Replace("effective: { from: 2023-05-01, to: 2028-04-30 }", "effective: { from: 2030-01-01 }", StringComparison.Ordinal);
        var candidate = ShippedCatalog.Catalog.WithCandidate(claim, "draft.yaml");
        Assert.True(candidate.Success, string.Join('\n', candidate.Problems));
        var stored = Assert.Single(ScenarioSource.Stored(ShippedCatalog.Catalog), s => s.Name == "preliminary-check-escalated");

        var result = new SimulationComparer(ShippedCatalog.Catalog, candidate.Catalog!, "en").Compare(stored);

        Assert.True(Definitions.SemanticVersion.TryParse("2.0.0", out var published));
        Assert.Null(candidate.Catalog!.Find("claim", published));
        Assert.True(result.Candidate.Success, string.Join('\n', result.Candidate.Failures.Select(f => f.Details).Concat(result.Candidate.Problems.Select(p => p.ToString()))));
        Assert.Contains("claim@3.0.0", result.Candidate.Timeline[0].Details, StringComparison.Ordinal);
        Assert.Contains("claim@2.0.0", result.Published!.Timeline[0].Details, StringComparison.Ordinal);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public void Compare_UnreadableScenario_BothRunsFailWithTheProblemAndItsLine()
    {
        var result = new SimulationComparer(ShippedCatalog.Catalog, ShippedCatalog.Catalog).Compare(
            new ScenarioSource("posted", "workflow: claim\nstart: 2026-02-30T09:00\nsteps: []\n", "posted.yaml"));

        Assert.False(result.Candidate.Success);
        var problem = Assert.Single(result.Candidate.Problems);
        Assert.Equal("SC001", problem.RuleId);
        Assert.Equal(2, problem.Position.Line);
        Assert.Empty(result.Differences);
    }

    private const string Period = "consultation/consultationPeriod#1";
}
