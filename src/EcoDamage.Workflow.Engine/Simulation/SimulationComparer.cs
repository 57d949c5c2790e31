using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>
/// Runs scenarios on a candidate catalog (<see cref="WorkflowCatalog.WithCandidate"/>) and on the published one, each
/// on its own virtual clock, and compares the two timelines (<see cref="TimelineDifference"/>). A scenario that names
/// its workflow without a version runs on the candidate even when the candidate is not in force on the scenario's
/// start date, and one that pins a version of the candidate's id runs on the candidate too (the candidate replaces every
/// version of its id); on the published catalog it runs as written.
/// </summary>
/// <param name="published">The published catalog, or null to run the candidate alone (nothing compared).</param>
/// <param name="candidate">The catalog to simulate; the published catalog itself when there is no candidate.</param>
/// <param name="language">Language of the names beside ids: <c>zh</c> (default) or <c>en</c>.</param>
public sealed class SimulationComparer(WorkflowCatalog? published, WorkflowCatalog candidate, string language = "zh")
{
    private readonly ScenarioRunner _candidate = new(candidate, language);
    private readonly ScenarioRunner? _published = published is null ? null : new ScenarioRunner(published, language);

    /// <summary>Reads <paramref name="source"/> and runs it on both catalogs; a scenario that cannot be read fails both runs with its problems.</summary>
    public SimulationComparison Compare(ScenarioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var read = ScenarioReader.Read(source.Text, source.Path);
        if (read.Scenario is not { } scenario)
        {
            var unread = _candidate.Run(source.Text, source.Path);
            return new SimulationComparison(source.Name, unread, _published is null ? null : unread, []);
        }

        var onCandidate = _candidate.Run(PinnedToCandidate(scenario));
        if (_published is null)
        {
            return new SimulationComparison(source.Name, onCandidate, null, []) { Title = scenario.Title };
        }

        var onPublished = _published.Run(scenario);
        return new SimulationComparison(source.Name, onCandidate, onPublished, TimelineComparer.Compare(onPublished.Timeline, onCandidate.Timeline, onCandidate.Zone))
        {
            Title = scenario.Title,
        };
    }

    private Scenario PinnedToCandidate(Scenario scenario)
    {
        if (published is null || candidate.Latest(scenario.Workflow.Text) is not { } newest
            || published.Workflows.Any(w => ReferenceEquals(w, newest)))
        {
            return scenario;
        }

        return scenario with { Version = new Token(newest.Definition.Version.ToString(), scenario.Version?.Position ?? scenario.Workflow.Position) };
    }
}
