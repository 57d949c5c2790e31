namespace EcoDamage.Workflow.Engine.Parties;

/// <summary>What one obligor owes and has discharged.</summary>
/// <param name="Party">The party.</param>
/// <param name="Owed">Its share of the debt (several liability) or the whole (joint).</param>
/// <param name="Discharged">Paid, credited, performed in kind or escrowed by it (for a joint obligor: by any joint obligor or unnamed).</param>
/// <param name="Outcome">The recorded outcome, else <c>performed</c> once what it owes is discharged, else null.</param>
public sealed record PartyBalance(CaseParty Party, decimal Owed, decimal Discharged, string? Outcome)
{
    /// <summary>Owed − discharged, never below zero.</summary>
    public decimal Outstanding => Math.Max(0m, Owed - Discharged);
}
