namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>One hash-chained audit event; never updated or deleted by the application.</summary>
internal sealed class AuditEventRow
{
    public required string CaseId { get; set; }

    public long Sequence { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long At { get; set; }

    public required string Kind { get; set; }

    public required string ActorId { get; set; }

    public required string Role { get; set; }

    public string? Department { get; set; }

    public required string Trigger { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    public required string DataDiff { get; set; }

    public required string DefinitionKey { get; set; }

    public long CaseVersion { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>The canonical form that <see cref="Hash"/> was computed over.</summary>
    public required string Payload { get; set; }
}
