namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>An unpublished draft; <see cref="Revision"/> grows with each save (the ETag).</summary>
internal sealed class DefinitionDraftRow
{
    public required string Id { get; set; }

    public required string Kind { get; set; }

    public string? Path { get; set; }

    public string? BasedOn { get; set; }

    public required string Format { get; set; }

    public required string Text { get; set; }

    public int Revision { get; set; }

    public required string CreatedBy { get; set; }

    public long CreatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public long UpdatedAt { get; set; }
}
