namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>What a ledger entry records (N9 heads, N10 escrow, R27 payments).</summary>
public enum LedgerKind
{
    /// <summary>Claimed by the rights holder (<c>claimed</c>); never creates a debt.</summary>
    Claimed,

    /// <summary>Assessed by the appraisal (<c>assessed</c>); never creates a debt.</summary>
    Assessed,

    /// <summary>Agreed in the compensation agreement (<c>agreed</c>, R16): the debt when nothing is awarded.</summary>
    Agreed,

    /// <summary>Awarded by a judgment (<c>awarded</c>, N6): the debt, governing over any agreement.</summary>
    Awarded,

    /// <summary>Paid into the treasury (<c>paid</c>, R27).</summary>
    Paid,

    /// <summary>A cost the obligor already bore, credited against the debt with its basis and document (<c>credited</c>, N9).</summary>
    Credited,

    /// <summary>Performed in kind (replanting, restocking), valued (<c>inKind</c>, R24).</summary>
    InKind,

    /// <summary>Deposited with a notary (提存, <c>escrowed</c>, N10): discharges the obligation.</summary>
    Escrowed,

    /// <summary>Escrowed money released to a matched repair project (<c>released</c>, N10).</summary>
    Released,
}
