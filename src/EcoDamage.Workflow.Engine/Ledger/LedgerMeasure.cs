namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>What a <c>derived: { ledger: … }</c> field holds.</summary>
public enum LedgerMeasure
{
    /// <summary>The governing settlement (awarded, else agreed).</summary>
    Owed,

    /// <summary>Paid into the treasury.</summary>
    Paid,

    /// <summary>Credited (costs already borne).</summary>
    Credited,

    /// <summary>Performed in kind.</summary>
    InKind,

    /// <summary>Deposited in escrow.</summary>
    Escrowed,

    /// <summary>Released from escrow to repair projects.</summary>
    Released,

    /// <summary>Owed − paid − credited − inKind − escrowed, never below zero.</summary>
    Outstanding,

    /// <summary>Boolean: something is owed and nothing is outstanding under any head.</summary>
    Settled,
}
