namespace EcoDamage.Workflow.TestUtils;

/// <summary>Role ids of <c>workflows/roles.yaml</c>, for readable scenarios.</summary>
public static class Roles
{
    public const string Department = "handlingDepartment";
    public const string RightsHolder = "rightsHolder";
    public const string Procuratorate = "procuratorate";
    public const string Court = "court";
    public const string Finance = "financeBureau";
    public const string Obligor = "obligor";
    public const string Appraiser = "appraisalInstitution";
    public const string Evaluator = "evaluator";
    public const string ThirdParty = "thirdPartyRepairer";
    public const string System = "system";
}
