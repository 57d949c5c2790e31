using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>Investigation, appraisal routes and punitive damages (R10, R12, R13, R18, N7).</summary>
public sealed class AssessmentScenarioTests
{
    [Fact]
    public void CompleteInvestigation_WithoutSiteSurveyRecord_IsRefusedForEachMissingDocument()
    {
        var d = NewClue().Opened().Attach("samplingMonitoringReport");

        var refusals = d.Refused("CompleteInvestigation", Department, ("estimatedDamage", 300_000m));

        Assert.All(refusals, r => Assert.Equal(RefusalKind.MissingDocument, r.Kind));
        Assert.Equal(["siteSurveyRecord", "photoVideoEvidence"], refusals.Select(r => r.Subject));

        d.Investigated();
        Assert.Equal("DamageAssessment", d.Case.State);
    }

    [Fact]
    public void UseSimplifiedProcedure_UnderThreshold_AssessesWithoutInstitution()
    {
        var d = NewClue().Opened().Investigated(estimated: 499_999.99m, simple: true)
            .Fire("UseSimplifiedProcedure", Department, ("simplifiedMethod", "similarCase"));
        Assert.Equal(RefusalKind.MissingDocument, Assert.Single(d.Refused("DeliverAppraisal", Department, ("assessedDamage", 450_000m))).Kind);

        d.Attach("simplifiedAssessment").Fire("DeliverAppraisal", Department, ("assessedDamage", 450_000m));

        Assert.Equal(
            ["ClueScreening", "PreliminaryCheck", "Investigation", "DamageAssessment", "SimplifiedAssessment", "ConsultationPreparation"],
            d.Visited);
        Assert.Equal(450_000m, d.Case.Data["assessedDamage"]);
    }

    [Fact]
    public void UseSimplifiedProcedure_AtThreshold_IsRefused()
    {
        var d = NewClue().Opened().Investigated(estimated: 500_000m, simple: true);

        var refusals = d.Refused("UseSimplifiedProcedure", Department, ("simplifiedMethod", "expertOpinion"));

        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(refusals).Kind);
    }

    [Fact]
    public void UseSimplifiedProcedure_LiabilityDisputed_IsRefused()
    {
        var d = NewClue().Opened()
            .Attach("siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence")
            .Fire("CompleteInvestigation", Department,
                ("estimatedDamage", 120_000m), ("factsSimple", true), ("liabilityUndisputed", false), ("damageSmall", true));

        var refusals = d.Refused("UseSimplifiedProcedure", Department, ("simplifiedMethod", "electronicAssessment"));

        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(refusals).Kind);
        Assert.Equal("DamageAssessment", d.Case.State);
    }

    [Fact]
    public void CommissionAppraisal_Jointly_DeliversOpinionFromInstitution()
    {
        var d = NewClue().Opened().Investigated();
        Assert.Equal(RefusalKind.MissingData, Assert.Single(d.Refused("CommissionAppraisal", Department)).Kind);

        d.Fire("CommissionAppraisal", Department, ("appraisalMode", "jointCommission"));
        Assert.Equal(RefusalKind.MissingDocument, Assert.Single(d.Refused("DeliverAppraisal", Appraiser, ("assessedDamage", 2_000_000m))).Kind);
        d.Attach("appraisalOpinion").Fire("DeliverAppraisal", Appraiser, ("assessedDamage", 2_000_000m));

        Assert.Equal(
            ["ClueScreening", "PreliminaryCheck", "Investigation", "DamageAssessment", "Appraisal", "ConsultationPreparation"],
            d.Visited);
        Assert.Equal("jointCommission", d.Case.Data["appraisalMode"]);
        Assert.Equal(["preliminaryCheck"], d.OpenedDue.Select(x => x.Id));
    }

    [Fact]
    public void ClaimPunitiveDamages_WithinTwiceTheDamage_IsRecorded()
    {
        var d = NewClue().Opened().Investigated().Appraised(assessed: 1_000_000m);

        d.Fire("ClaimPunitiveDamages", Department,
            ("intentionalViolation", true), ("seriousConsequences", true), ("punitiveAmount", 2_000_000m),
            ("punitiveFactors", "恶意偷排三年，获利约80万元，曾受行政处罚"));

        Assert.Equal("ConsultationPreparation", d.Case.State);
        Assert.Equal(HistoryKind.Internal, d.Case.History[^1].Kind);
        Assert.Equal(2_000_000m, d.Case.Data["punitiveAmount"]);
    }

    [Fact]
    public void ClaimPunitiveDamages_AboveTwiceTheDamage_IsRefused()
    {
        var d = NewClue().Opened().Investigated().Appraised(assessed: 1_000_000m);

        var refusals = d.Refused("ClaimPunitiveDamages", Department,
            ("intentionalViolation", true), ("seriousConsequences", true), ("punitiveAmount", 2_000_000.01m), ("punitiveFactors", "恶意"));

        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(refusals).Kind);
        Assert.False(d.Case.Data.ContainsKey("punitiveAmount"));
    }
}
