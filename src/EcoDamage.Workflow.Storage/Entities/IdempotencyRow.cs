namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>The first accepted outcome of an idempotency key.</summary>
internal sealed class IdempotencyRow
{
    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public required string CaseId { get; set; }

    /// <summary>The <c>CommandOutcome</c> as JSON.</summary>
    public required string Outcome { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long CreatedAt { get; set; }
}
