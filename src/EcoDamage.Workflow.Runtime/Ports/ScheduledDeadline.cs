using NodaTime;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>A deadline row: one per active deadline of a case, found by the scheduler through <see cref="NextEventAt"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Key">The deadline's key within the case.</param>
/// <param name="DefinitionId">Definition that declares it.</param>
/// <param name="DeadlineId">Deadline id in that definition.</param>
/// <param name="State">The state whose exit closes it.</param>
/// <param name="Due">End of the period.</param>
/// <param name="Status">Open or overdue.</param>
/// <param name="NextEventAt">Next reminder or overdue instant; null when nothing more is due.</param>
public sealed record ScheduledDeadline(
    string CaseId,
    string Key,
    string DefinitionId,
    string DeadlineId,
    string State,
    Instant Due,
    string Status,
    Instant? NextEventAt)
{
    /// <summary>
    /// True when the deadline was computed through a year whose holiday calendar was not yet published; such rows are
    /// recomputed after a calendar publication (<see cref="Deadlines.ProvisionalDeadlineRecomputer"/>).
    /// </summary>
    public bool Provisional { get; init; }
}
