using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Runtime.Tests.Serialization;

/// <summary>A case running a multi-instance call (repair per phase) round-trips through its snapshot JSON.</summary>
public sealed class CaseBranchJsonTests
{
    private static CaseDriver PhasedRepair()
    {
        var d = CaseDriver.StartClaim(
                new LocalDateTime(2026, 3, 2, 10, 0),
                ("channel", "suddenIncident"), ("domain", "environmentalPollution"), ("jurisdiction", "chongchuan"))
            .Fire("StartPreliminaryCheck", Department)
            .Attach("preliminaryCheckReport", "caseOpeningDecision")
            .Fire("OpenCase", Department, ("damageFound", true))
            .Attach("siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence")
            .Fire("CompleteInvestigation", Department,
                ("estimatedDamage", 1_200_000m), ("factsSimple", false), ("liabilityUndisputed", false), ("damageSmall", false))
            .Fire("CommissionAppraisal", Department, ("appraisalMode", "qualifiedInstitution"))
            .Attach("appraisalOpinion")
            .Fire("DeliverAppraisal", Appraiser, ("assessedDamage", 1_000_000m))
            .Attach("compensationOpinionLetter")
            .Fire("IssueOpinionLetter", Department)
            .Attach("writtenNotice");
        d.Fire("ServeWrittenNotice", Department, ("noticeServedOn", d.Today))
            .Attach("meetingMinutes")
            .Fire("RecordMeeting", Department, ("meetingDate", d.Today))
            .Attach("compensationAgreement")
            .Fire("SignAgreement", Department, ("agreedAmount", 1_000_000m), ("agreementSignedOn", d.Today), ("repairObligation", true),
                LedgerItems.LedgerData("agreed", ("cleanUpAndRepair", 1_000_000m)));
        var phases = RecordList.From(
        [
            new Dictionary<string, object?> { ["scope"] = "清淤", ["phaseAmount"] = 400_000.50m, ["repairMode"] = "selfRepair", ["repairDueDate"] = "2026-09-30" },
            new Dictionary<string, object?> { ["scope"] = "补植", ["phaseAmount"] = 600_000m, ["repairMode"] = "thirdPartyRepair", ["repairDueDate"] = "2026-12-31" },
        ]);
        return d.Fire("PerformWithoutConfirmation", Department, ("phases", phases))
            .Attach("repairPlan")
            .FireIn("phases/2", "ChooseRepairMode", Department);
    }

    [Fact]
    public void Serialize_CaseWithBranches_RoundTripsCollectionsBranchesAndBranchDeadlines()
    {
        var @case = PhasedRepair().Case;
        Assert.Equal(2, @case.Branches.Count);

        var json = CaseJson.Serialize(@case);
        var back = CaseJson.Deserialize(json);

        Assert.Equal(json, CaseJson.Serialize(back));
        Assert.Equal(json, CaseJson.SerializeOnce(back));
        Assert.Equal(@case.Branches.Select(b => (b.Key, b.Collection, b.Item, b.ParentFrame, b.CallingState, b.State)), back.Branches.Select(b => (b.Key, b.Collection, b.Item, b.ParentFrame, b.CallingState, b.State)));
        Assert.Equal(new LocalDate(2026, 12, 31), back.Branches[1].Data["repairDueDate"]);
        Assert.Equal(400_000.50m, back.Collections["phases"][0].Values["phaseAmount"]);
        Assert.Equal(new LocalDate(2026, 9, 30), back.Collections["phases"][0].Values["repairDueDate"]);
        var term = Assert.Single(back.ActiveDeadlines);
        Assert.Equal(("repair/repairTerm@phases/2#1", "phases/2"), (term.Key, term.Branch));
        Assert.Contains(back.History, h => h.Branch == "phases/2" && h.Trigger == "ChooseRepairMode");
    }

    [Fact]
    public void Serialize_DeadlinesAndHistoryOutsideBranches_WriteNoBranchMember()
    {
        var json = CaseJson.Serialize(PhasedRepair().Case);

        // Only the branch's deadline and history entries name a branch; the claim's own carry no "branch": null.
        Assert.DoesNotContain("\"branch\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"branch\":\"phases/2\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_OnADeserializedCaseWithBranches_GivesTheSameCaseAsOnTheOriginal()
    {
        var d = PhasedRepair();
        var copy = CaseJson.Deserialize(CaseJson.Serialize(d.Case));
        var request = new FireRequest("ChooseRepairMode", new Actor("user", Department), d.Now) { Branch = "phases/1" };

        var onOriginal = d.Engine.Fire(d.Case, request);
        var onCopy = d.Engine.Fire(copy, request);

        Assert.True(onOriginal.Accepted);
        Assert.Equal(CaseJson.Serialize(onOriginal.Case), CaseJson.Serialize(onCopy.Case));
    }
}
