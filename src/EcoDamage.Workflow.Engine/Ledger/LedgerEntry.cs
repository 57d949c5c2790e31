using NodaTime;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>One line of a case's ledger: an amount of one kind under one head. Entries are never changed or removed.</summary>
/// <param name="Seq">1-based position in the case's ledger.</param>
/// <param name="Kind">What the line records.</param>
/// <param name="Head">The N9 head (an id of <c>workflows/ledger.yaml</c>).</param>
/// <param name="Amount">Yuan; always greater than zero (money is never negative: a reduction is another kind, not a negative amount).</param>
/// <param name="Party">The party (obligor) it concerns, when named.</param>
/// <param name="Basis">Why (required for a credit).</param>
/// <param name="Document">The document type that proves it (required for a credit; attached to the case).</param>
/// <param name="Treasury">The treasury paid into (R27).</param>
/// <param name="Project">The repair project escrowed money is released to (N10).</param>
/// <param name="Phase">The performance phase it belongs to.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="ActorId">Who recorded it.</param>
/// <param name="Trigger">The trigger that recorded it.</param>
public sealed record LedgerEntry(
    int Seq,
    LedgerKind Kind,
    string Head,
    decimal Amount,
    string? Party,
    string? Basis,
    string? Document,
    string? Treasury,
    string? Project,
    string? Phase,
    Instant At,
    string ActorId,
    string Trigger)
{
    /// <summary>The instalment a payment belongs to (R25), when paid by instalments.</summary>
    public int? Instalment { get; init; }
}
