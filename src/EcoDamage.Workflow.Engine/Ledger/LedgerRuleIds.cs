namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>Validation rule ids of the ledger and parties constructs (docs/validation-rules.md).</summary>
internal static class LedgerRuleIds
{
    /// <summary><c>ledger.yaml</c>: no heads, a duplicate head, or a head that is not a mapping with zh/en.</summary>
    public const string HeadsFile = "LED001";

    /// <summary>A trigger's <c>ledger:</c> kind is not one of the ledger kinds.</summary>
    public const string UnknownKind = "LED002";

    /// <summary>A trigger's <c>parties:</c> kind is not <c>obligor</c> or <c>rightsHolder</c>.</summary>
    public const string UnknownPartyKind = "LED003";

    /// <summary>A trigger's <c>collectedBy:</c> names no text field of the definition.</summary>
    public const string CollectedBy = "LED004";

    /// <summary>A <c>derived: { ledger: … }</c> field: unknown measure, unknown head, or the wrong type.</summary>
    public const string Derived = "LED005";

    /// <summary>A ledger-derived field supplied by a trigger, a start or an assignment.</summary>
    public const string DerivedSupplied = "LED006";

    /// <summary>A trigger records ledger entries but the catalog lists no heads (<c>workflows/ledger.yaml</c>).</summary>
    public const string NoHeads = "LED007";

    /// <summary>A trigger's <c>ledgerTotal:</c> names no money field, or <c>ledgerRequired</c>/<c>ledgerTotal</c> without <c>ledger:</c> kinds.</summary>
    public const string Total = "LED008";
}
