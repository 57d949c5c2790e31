namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>An active deadline of a case, replaced on every change of the case.</summary>
internal sealed class DeadlineRow
{
    public required string CaseId { get; set; }

    public required string Key { get; set; }

    public required string DefinitionId { get; set; }

    public required string DeadlineId { get; set; }

    public required string State { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long Due { get; set; }

    public required string Status { get; set; }

    /// <summary>Unix ticks (100 ns), UTC; the scheduler's index. Null when nothing more is due.</summary>
    public long? NextEventAt { get; set; }

    /// <summary>
    /// Computed through a year the holiday calendar did not know yet (issue 14): found by the recomputation after a
    /// calendar publication (<c>IProvisionalDeadlineCases</c>).
    /// </summary>
    public bool Provisional { get; set; }

    /// <summary>
    /// Unix ticks (100 ns), UTC: until when a sweeping node holds the row (PostgreSQL, several nodes).
    /// Null when unclaimed; a commit of the case replaces the row and so releases it.
    /// </summary>
    public long? LeaseUntil { get; set; }
}
