namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>Which cases a role reaches (<c>scope:</c> of a role in <c>roles.yaml</c>).</summary>
public enum AccessScopeKind
{
    /// <summary>No case at all (e.g. the administrator: definitions, reference data, users and keys only).</summary>
    None,

    /// <summary>Cases its department handles or referred (R6, R8), in its jurisdiction and those within it (R4).</summary>
    Department,

    /// <summary>Every case of its jurisdiction and those within it (R4): the rights holder, the procuratorate, the court, finance.</summary>
    Jurisdiction,

    /// <summary>Only cases it is a party to or was granted as a participant (the obligor, an appraisal institution, an expert…).</summary>
    Party,

    /// <summary>Every case (the auditor).</summary>
    All,
}
