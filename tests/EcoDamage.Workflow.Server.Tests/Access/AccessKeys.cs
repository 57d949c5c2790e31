namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>Named callers of the regression tests (besides the embedding systems of <c>appsettings.Testing.json</c>).</summary>
public static class AccessKeys
{
    /// <summary>A district handling department: Tongzhou's ecology bureau.</summary>
    public const string TongzhouEcology = "acc-tongzhou-ecology";

    /// <summary>Chongchuan's ecology bureau (the district of the test cases).</summary>
    public const string ChongchuanEcology = "acc-chongchuan-ecology";

    /// <summary>Chongchuan's natural-resources bureau (another department of the same district).</summary>
    public const string ChongchuanResources = "acc-chongchuan-resources";

    /// <summary>An obligor key naming no party.</summary>
    public const string ObligorWithoutParty = "acc-obligor-noparty";

    /// <summary>An obligor key acting as party <c>acme</c>.</summary>
    public const string ObligorAcme = "acc-obligor-acme";

    /// <summary>A key whose role roles.yaml does not declare.</summary>
    public const string UnknownRole = "acc-unknown-role";

    /// <summary>The auditor (reads everything, changes nothing).</summary>
    public const string Auditor = "acc-auditor";

    /// <summary>The administrator (no case).</summary>
    public const string Administrator = "acc-administrator";

    /// <summary>An appraisal institution acting as account <c>appraiser-account</c>.</summary>
    public const string Appraiser = "acc-appraiser";

    /// <summary>Chongchuan's public-information officer (personalData: false).</summary>
    public const string InformationOfficer = "acc-information-officer";

    public static IReadOnlyList<(string Key, string Role, string? Department, string? Jurisdiction, string? Party)> Named { get; } =
    [
        (TongzhouEcology, "handlingDepartment", "ecologyBureau", "tongzhou", null),
        (ChongchuanEcology, "handlingDepartment", "ecologyBureau", "chongchuan", null),
        (ChongchuanResources, "handlingDepartment", "naturalResourcesBureau", "chongchuan", null),
        (ObligorWithoutParty, "obligor", null, null, null),
        (ObligorAcme, "obligor", null, null, "acme"),
        (UnknownRole, "villageHead", "ecologyBureau", "nantong", null),
        (Auditor, "auditor", null, null, null),
        (Administrator, "administrator", null, null, null),
        (Appraiser, "appraisalInstitution", null, null, "appraiser-account"),
        (InformationOfficer, "publicInformationOfficer", "ecologyBureau", "chongchuan", null),
    ];
}
