namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>Balances of one head (or the totals over every head), derived from the entries.</summary>
/// <param name="Head">Head id; empty for the totals.</param>
/// <param name="Claimed">Sum of claimed entries (informative; never a debt).</param>
/// <param name="Assessed">Sum of assessed entries (informative; never a debt).</param>
/// <param name="Owed">The governing settlement: awarded when the case has any awarded entry, else agreed.</param>
/// <param name="Paid">Paid into the treasury.</param>
/// <param name="Credited">Credited costs already borne.</param>
/// <param name="InKind">Performed in kind.</param>
/// <param name="Escrowed">Deposited in escrow (discharges).</param>
/// <param name="Released">Released from escrow to repair projects (where the escrowed money went).</param>
public sealed record LedgerBalance(
    string Head,
    decimal Claimed,
    decimal Assessed,
    decimal Owed,
    decimal Paid,
    decimal Credited,
    decimal InKind,
    decimal Escrowed,
    decimal Released)
{
    /// <summary>Paid + credited + inKind + escrowed.</summary>
    public decimal Discharged => Paid + Credited + InKind + Escrowed;

    /// <summary>Owed − discharged, never below zero (money is never negative).</summary>
    public decimal Outstanding => Math.Max(0m, Owed - Discharged);

    /// <summary>Escrowed and not yet released: what the notary still holds.</summary>
    public decimal HeldInEscrow => Escrowed - Released;

    /// <summary>The value of <paramref name="measure"/> (Settled: 1 when settled, else 0).</summary>
    public decimal Of(LedgerMeasure measure) => measure switch
    {
        LedgerMeasure.Owed => Owed,
        LedgerMeasure.Paid => Paid,
        LedgerMeasure.Credited => Credited,
        LedgerMeasure.InKind => InKind,
        LedgerMeasure.Escrowed => Escrowed,
        LedgerMeasure.Released => Released,
        LedgerMeasure.Outstanding => Outstanding,
        _ => Owed > 0 && Outstanding == 0 ? 1m : 0m,
    };
}
