namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>
/// One caller of the authorization matrix: a role of <c>roles.yaml</c> with its declared access, in the case's own or
/// another department and jurisdiction (for a party-scoped role: granted on the case or not).
/// </summary>
public sealed record MatrixCaller(string Role, string Scope, bool ReadOnly, bool OwnDepartment, bool OwnJurisdiction)
{
    /// <summary>The case under test: registered in <see cref="CaseJurisdiction"/>, routed to <see cref="CaseDepartment"/>.</summary>
    public const string CaseJurisdiction = "chongchuan";

    public const string CaseDepartment = "ecologyBureau";

    public const string OtherJurisdiction = "tongzhou";

    public const string OtherDepartment = "naturalResourcesBureau";

    /// <summary>The participant account the case under test grants (party-scoped callers "of" the case act as it).</summary>
    public const string GrantedAccount = "matrix-granted-account";

    public string Name => $"{Role}-{(OwnDepartment ? "own" : "other")}Dept-{(OwnJurisdiction ? "own" : "other")}Juris";

    public string Key => $"matrix-{Name}";

    public string Department => OwnDepartment ? CaseDepartment : OtherDepartment;

    public string Jurisdiction => OwnJurisdiction ? CaseJurisdiction : OtherJurisdiction;

    /// <summary>A party-scoped caller of the case acts as the granted account; otherwise as a stranger.</summary>
    public string Party => OwnDepartment && OwnJurisdiction ? GrantedAccount : "matrix-stranger-account";

    /// <summary>Whether the caller reads the case, from its role's declared scope (the expectation, not the code under test).</summary>
    public bool Reads => Scope switch
    {
        "all" => true,
        "jurisdiction" => OwnJurisdiction,
        "department" => OwnJurisdiction && OwnDepartment,
        "party" => OwnDepartment && OwnJurisdiction,
        _ => false,
    };

    /// <summary>Whether the caller changes the case.</summary>
    public bool Acts => Reads && !ReadOnly;

    /// <summary>Whether the caller may register a clue in the case's jurisdiction (acts there; not party-scoped).</summary>
    public bool Registers => !ReadOnly && Scope switch
    {
        "all" => true,
        "jurisdiction" or "department" => OwnJurisdiction,
        _ => false,
    };

    /// <summary>Whether the caller reads read logs (the read-only oversight roles).</summary>
    public bool Oversees => ReadOnly;

    public override string ToString() => Name;
}
