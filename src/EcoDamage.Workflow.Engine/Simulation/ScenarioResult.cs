using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>What a scenario run did.</summary>
/// <param name="Problems">Problems in the scenario itself (file:line:col); when any is an error nothing ran.</param>
/// <param name="Timeline">Events in order.</param>
/// <param name="Case">The case at the end, when it was started.</param>
/// <param name="Zone">The zone local times are shown in.</param>
public sealed record ScenarioResult(
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<TimelineEntry> Timeline,
    CaseInstance? Case,
    DateTimeZone Zone)
{
    /// <summary>True when the scenario was valid, ran to its end, and every expectation held.</summary>
    public bool Success => Problems.All(p => p.Severity != Severity.Error) && Case is not null && !Timeline.Any(e => e.IsFailure);

    /// <summary>Entries that made the run fail.</summary>
    public IEnumerable<TimelineEntry> Failures => Timeline.Where(e => e.IsFailure);
}
