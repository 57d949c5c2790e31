namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>One event of the hash-chained administration trail; <see cref="Sequence"/> is the chain position (the key).</summary>
internal sealed class AdministrationEventRow
{
    public long Sequence { get; set; }

    public long At { get; set; }

    public required string Actor { get; set; }

    public required string Role { get; set; }

    public required string Kind { get; set; }

    public required string Subject { get; set; }

    public required string Detail { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>True when the event changed the catalog in force: the catalog's stamp is the highest such sequence.</summary>
    public bool ChangesCatalog { get; set; }
}
