using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>
/// What <see cref="CaseMigrator"/> made of one case: the migrated instance with the deadline changes, or why the plan
/// cannot place it (<see cref="Reason"/>; the case is then left as it is).
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="FromState">The root frame's state before.</param>
/// <param name="ToState">The root frame's state after (null when unmappable).</param>
/// <param name="Case">The migrated case (version one higher), or null when unmappable.</param>
/// <param name="Reason">Why the case cannot be migrated, or null.</param>
public sealed record CaseMigration(string CaseId, string FromState, string? ToState, CaseInstance? Case, string? Reason)
{
    /// <summary>Deadlines the new state declares that were not open, opened from their anchors.</summary>
    public IReadOnlyList<DeadlineChange> Opened { get; init; } = [];

    /// <summary>Open deadlines closed (by the plan, or no longer declared or placed by the new version).</summary>
    public IReadOnlyList<DeadlineChange> Closed { get; init; } = [];

    /// <summary>Open deadlines whose due instant was recomputed to another one.</summary>
    public IReadOnlyList<DeadlineChange> Moved { get; init; } = [];

    /// <summary>True when the plan cannot place the case.</summary>
    public bool IsUnmappable => Case is null;

    /// <summary>An unmappable outcome.</summary>
    internal static CaseMigration Unmappable(CaseInstance @case, string reason) =>
        new(@case.Id, @case.Frames.IsDefaultOrEmpty ? string.Empty : @case.Frames[0].State, null, null, reason);
}
