namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>A published definition version (immutable text); instants in Unix ticks (100 ns), UTC.</summary>
internal sealed class DefinitionVersionRow
{
    public required string DefinitionId { get; set; }

    public required string Version { get; set; }

    /// <summary>The version's numbers for ordering (major × 10⁶ + minor × 10³ + patch is not safe: three columns).</summary>
    public int Major { get; set; }

    public int Minor { get; set; }

    public int Patch { get; set; }

    public required string Format { get; set; }

    public required string Text { get; set; }

    public required string ContentHash { get; set; }

    public required string EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public required string PublishedBy { get; set; }

    public required string PublishedRole { get; set; }

    public long PublishedAt { get; set; }

    public required string Reason { get; set; }

    public required string Origin { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnRole { get; set; }

    public long? WithdrawnAt { get; set; }

    public string? WithdrawReason { get; set; }
}
