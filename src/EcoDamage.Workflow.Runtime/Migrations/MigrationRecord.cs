using EcoDamage.Workflow.Engine.Migration;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>A stored migration: its plan, status and the progress of its last execution.</summary>
/// <param name="Id">Migration id.</param>
/// <param name="Plan">The validated plan.</param>
/// <param name="Status">Created, running or completed.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">The administrator who created it.</param>
public sealed record MigrationRecord(string Id, MigrationPlan Plan, MigrationStatus Status, Instant CreatedAt, string CreatedBy)
{
    /// <summary>When the last execution started.</summary>
    public Instant? StartedAt { get; init; }

    /// <summary>The administrator who asked for the last execution (the actor of each case's <c>Migrated</c> audit event).</summary>
    public string? StartedBy { get; init; }

    /// <summary>When the last execution visited its last case.</summary>
    public Instant? CompletedAt { get; init; }

    /// <summary>The last case id visited by the running execution (cases are visited in id order): where a restart resumes.</summary>
    public string? Cursor { get; init; }

    /// <summary>Progress of the last execution.</summary>
    /// <value><see cref="MigrationCounters.Zero"/> until executed.</value>
    public MigrationCounters Counters { get; init; } = MigrationCounters.Zero;
}
