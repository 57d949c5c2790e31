namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>A link between two cases, stored once from the dependent case to the original (read from either side).</summary>
internal sealed class CaseLinkRow
{
    public required string FromCaseId { get; set; }

    public required string ToCaseId { get; set; }

    /// <summary><c>splitFrom</c>, <c>supplementaryTo</c> or <c>related</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long At { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }
}
