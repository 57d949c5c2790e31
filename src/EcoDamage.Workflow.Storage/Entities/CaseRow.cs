namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>A case: its snapshot, version (the concurrency token) and audit head.</summary>
internal sealed class CaseRow
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string DefinitionVersion { get; set; }

    /// <summary>Innermost current state (for listing and filtering without reading the snapshot).</summary>
    public required string State { get; set; }

    /// <summary>The case's jurisdiction (data field <c>jurisdiction</c>), copied from the snapshot for filtering.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>The clue's channel (data field <c>channel</c>), copied from the snapshot for filtering.</summary>
    public string? Channel { get; set; }

    /// <summary>The department handling the case (<c>referredTo</c>, else <c>routedDepartment</c>), copied for filtering.</summary>
    public string? Department { get; set; }

    /// <summary>The department that referred the case and keeps seeing it (R8), copied from the listing for filtering.</summary>
    public string? ReferringDepartment { get; set; }

    public long Version { get; set; }

    /// <summary>The <c>CaseInstance</c> as JSON (see <c>CaseJson</c>).</summary>
    public required string Snapshot { get; set; }

    public long AuditSequence { get; set; }

    public required string AuditHead { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long CreatedAt { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long UpdatedAt { get; set; }
}
