using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Access;

/// <summary>Issue 13 in the definitions: who attaches which document, personal fields, the referring department of a listing.</summary>
public sealed class AccessDeclarationsTests
{
    private static Definitions.WorkflowDefinition Claim => ShippedCatalog.Catalog.Latest("claim")!.Definition;

    [Theory]
    [InlineData("preliminaryCheckReport", "handlingDepartment", true)]
    [InlineData("preliminaryCheckReport", "obligor", false)]   // the hole: the obligor attached the department's report
    [InlineData("caseOpeningDecision", "obligor", false)]
    [InlineData("caseOpeningDecision", "rightsHolder", true)]
    [InlineData("confirmationRuling", "court", true)]          // required by the court's triggers
    [InlineData("confirmationRuling", "handlingDepartment", false)]
    [InlineData("appraisalOpinion", "appraisalInstitution", true)] // roles: declared on the document
    [InlineData("appraisalOpinion", "handlingDepartment", true)]
    [InlineData("appraisalOpinion", "obligor", false)]
    [InlineData("escrowCertificate", "obligor", true)]
    [InlineData("clueRecord", "procuratorate", true)]
    public void Allows_DocumentAndRole_AsTheTriggersOrTheDocumentDeclare(string type, string role, bool allowed) =>
        Assert.Equal(allowed, DocumentAttachRule.Allows([Claim], type, role));

    [Fact]
    public void AttachDocumentAsCaller_ObligorAttachingTheCaseOpeningDecision_RefusedAndUnchanged()
    {
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var at = NodaTime.Instant.FromUtc(2026, 3, 2, 2, 0);
        var started = engine.Start("claim", null, "c-1", new Actor("officer", "handlingDepartment"), at, new Dictionary<string, object?>
        {
            ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan",
        }).Case;

        var refused = engine.AttachDocumentAsCaller(started, "caseOpeningDecision", new NodaTime.LocalDate(2026, 3, 2), null, new Actor("acme", "obligor"), at);
        var allowed = engine.AttachDocumentAsCaller(started, "caseOpeningDecision", new NodaTime.LocalDate(2026, 3, 2), null, new Actor("officer", "handlingDepartment"), at);

        Assert.Equal(RefusalKind.AttachNotAllowed, Assert.Single(refused.Refusals).Kind);
        Assert.Equal(started.Version, refused.Case.Version);
        Assert.Empty(allowed.Refusals);
        Assert.Contains("caseOpeningDecision", allowed.Case.Documents.Keys);
    }

    [Fact]
    public void Fields_InformantNameAndContact_ArePersonal()
    {
        var personal = Claim.Fields.Where(f => f.Personal).Select(f => f.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["informantContact", "informantName"], personal);
    }

    [Fact]
    public void ListingOf_ReferredCase_HandlingIsTheReceiverAndReferringTheRoutedDepartment()
    {
        var referred = Claim.ListingOf(new Dictionary<string, object?> { ["referredTo"] = "naturalResourcesBureau", ["routedDepartment"] = "ecologyBureau" });
        var routed = Claim.ListingOf(new Dictionary<string, object?> { ["routedDepartment"] = "ecologyBureau" });

        Assert.Equal(("naturalResourcesBureau", "ecologyBureau"), (referred.Department, referred.ReferringDepartment));
        Assert.Equal(("ecologyBureau", (string?)null), (routed.Department, routed.ReferringDepartment));
    }
}
