using System.Text.Json;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Simulation;
using EcoDamage.Workflow.Server.Apis;
using NodaTime;

namespace EcoDamage.Workflow.Server.Simulations;

/// <summary>The engine's simulation results as the API answers them.</summary>
internal static class SimulationViews
{
    /// <summary>One scenario's runs and differences.</summary>
    public static ScenarioSimulation Comparison(SimulationComparison comparison)
    {
        var zone = comparison.Candidate.Zone;
        return new ScenarioSimulation(
            comparison.Scenario,
            comparison.Title is { } t ? new LocalizedTitle(t.Zh, t.En) : null,
            Run(comparison.Candidate),
            comparison.Published is { } published ? Run(published) : null,
            [.. comparison.Differences.Select(d => new SimulationDifference(
                JsonNamingPolicy.CamelCase.ConvertName(d.Change.ToString()),
                Kind(d.Kind),
                d.Subject,
                d.Published is { } p ? Event(p, zone) : null,
                d.Candidate is { } c ? Event(c, zone) : null,
                d.Text))]);
    }

    /// <summary>
    /// Problems in the shape <c>POST /api/definitions/validate</c> answers; when <paramref name="file"/> is given, a
    /// problem found in another file (a definition calling the candidate) names that file first in its message.
    /// </summary>
    public static List<ValidationProblemItem> Problems(IEnumerable<Problem> problems, string? file) =>
    [
        .. problems.Select(p => new ValidationProblemItem(
            p.RuleId,
            p.Severity == Severity.Error ? "error" : "warning",
            file is null || p.Position.File == file ? p.Message : $"{Path.GetFileName(p.Position.File)}:{p.Position.Line}:{p.Position.Column}: {p.Message}",
            p.Position.Line,
            p.Position.Column)),
    ];

    private static SimulationRun Run(ScenarioResult result) =>
        new(result.Success, result.Case?.State, Problems(result.Problems, null), [.. result.Timeline.Select(e => Event(e, result.Zone))]);

    private static SimulationEvent Event(TimelineEntry e, DateTimeZone zone) =>
        new(e.At.InZone(zone).ToDateTimeOffset(), Kind(e.Kind), e.Subject, e.State, e.StateName, e.Details,
            e.Due?.InZone(zone).ToDateTimeOffset(), e.Step?.Line, e.IsFailure);

    private static string Kind(TimelineKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
