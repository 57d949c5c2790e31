namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>One scenario run on a candidate and, when there is one to compare with, on the published version.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Candidate">The run on the candidate catalog (the published catalog itself when no candidate was given).</param>
/// <param name="Published">The run on the published catalog, or null when no candidate was given.</param>
/// <param name="Differences">What differs between the two timelines, in order of the earlier instant; empty without a published run.</param>
public sealed record SimulationComparison(
    string Scenario,
    ScenarioResult Candidate,
    ScenarioResult? Published,
    IReadOnlyList<TimelineDifference> Differences)
{
    /// <summary>The scenario's title (its <c>zh:</c> and <c>en:</c> keys), or null when it has none or cannot be read.</summary>
    public Definitions.LocalizedText? Title { get; init; }
}
