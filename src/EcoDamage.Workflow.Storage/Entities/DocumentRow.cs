namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>Metadata and content hash of an attached document.</summary>
internal sealed class DocumentRow
{
    public Guid Id { get; set; }

    public required string CaseId { get; set; }

    public required string DocumentType { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>ISO date (<c>yyyy-MM-dd</c>).</summary>
    public required string ServedOn { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long AttachedAt { get; set; }

    public required string AttachedBy { get; set; }
}
