namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>One revision of a catalog document (immutable); the highest revision of a path is in force.</summary>
internal sealed class CatalogDocumentRow
{
    public required string Path { get; set; }

    public int Revision { get; set; }

    public required string Text { get; set; }

    public required string ContentHash { get; set; }

    public required string PublishedBy { get; set; }

    public required string PublishedRole { get; set; }

    public long PublishedAt { get; set; }

    public required string Reason { get; set; }

    public required string Origin { get; set; }
}
