namespace EcoDamage.Workflow.Storage.CaseMigrations;

/// <summary>A migration of running cases (issue 14): its plan, status and progress. Instants in Unix ticks (100 ns), UTC.</summary>
internal sealed class CaseMigrationRow
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string FromVersion { get; set; }

    public required string ToVersion { get; set; }

    /// <summary>JSON object: old state → new state.</summary>
    public required string StateMap { get; set; }

    /// <summary><c>Keep</c>, <c>Recompute</c> or <c>Close</c>.</summary>
    public required string DeadlinePolicy { get; set; }

    /// <summary>JSON object: deadline id → policy.</summary>
    public required string DeadlineOverrides { get; set; }

    /// <summary><c>Created</c>, <c>Running</c> or <c>Completed</c>.</summary>
    public required string Status { get; set; }

    public long CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public long? StartedAt { get; set; }

    public string? StartedBy { get; set; }

    public long? CompletedAt { get; set; }

    /// <summary>The last case id visited by the running execution.</summary>
    public string? Cursor { get; set; }

    public long Migrated { get; set; }

    public long Unmappable { get; set; }

    public long Closed { get; set; }

    public long Skipped { get; set; }

    public long Retried { get; set; }
}
