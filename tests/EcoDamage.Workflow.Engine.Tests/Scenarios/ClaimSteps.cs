using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>Common stretches of the claim, so each scenario spells out only the part it is about.</summary>
internal static class ClaimSteps
{
    /// <summary>Monday 2026-03-02 10:00 Asia/Shanghai.</summary>
    public static readonly LocalDateTime Monday = new(2026, 3, 2, 10, 0);

    public static CaseDriver NewClue(LocalDateTime? at = null) => CaseDriver.StartClaim(
        at ?? Monday,
        ("channel", "suddenIncident"),
        ("domain", "environmentalPollution"),
        ("jurisdiction", "chongchuan"),
        ("description", "化工企业偷排废水致河道污染"));

    public static Instant At(int year, int month, int day, int hour = 0) => CaseDriver.At(year, month, day, hour);

    public static CaseDriver Opened(this CaseDriver d) => d
        .Fire("StartPreliminaryCheck", Department)
        .Attach("preliminaryCheckReport", "caseOpeningDecision")
        .Fire("OpenCase", Department, ("damageFound", true));

    public static CaseDriver Investigated(this CaseDriver d, decimal estimated = 1_200_000m, bool simple = false) => d
        .Attach("siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence")
        .Fire("CompleteInvestigation", Department,
            ("estimatedDamage", estimated), ("factsSimple", simple), ("liabilityUndisputed", simple), ("damageSmall", simple));

    public static CaseDriver Appraised(this CaseDriver d, decimal assessed = 1_000_000m) => d
        .Fire("CommissionAppraisal", Department, ("appraisalMode", "qualifiedInstitution"))
        .Attach("appraisalOpinion")
        .Fire("DeliverAppraisal", Appraiser, ("assessedDamage", assessed));

    public static CaseDriver ConsultationStarted(this CaseDriver d) => d
        .Attach("compensationOpinionLetter")
        .Fire("IssueOpinionLetter", Department);

    public static CaseDriver NoticeServed(this CaseDriver d) => d
        .Attach("writtenNotice")
        .Fire("ServeWrittenNotice", Department, ("noticeServedOn", d.Today));

    public static CaseDriver Meeting(this CaseDriver d, string? participants = null) => participants is null
        ? d.Attach("meetingMinutes").Fire("RecordMeeting", Department, ("meetingDate", d.Today))
        : d.Attach("meetingMinutes").Fire("RecordMeeting", Department, ("meetingDate", d.Today), ("publicParticipants", participants));

    /// <summary>The agreed items of <see cref="AgreementSigned"/>: ¥1,000,000 over three N9 heads.</summary>
    public static readonly (string Head, decimal Amount)[] AgreedItems =
        [("cleanUpAndRepair", 600_000m), ("serviceFunctionLoss", 300_000m), ("investigationAndAppraisal", 100_000m)];

    /// <summary>Signs an agreement itemised by N9 heads (<see cref="AgreedItems"/>), with a repair obligation unless told otherwise.</summary>
    public static CaseDriver AgreementSigned(this CaseDriver d, bool repair = true) => d
        .Attach("compensationAgreement")
        .Fire("SignAgreement", Department, ("agreedAmount", 1_000_000m), ("agreementSignedOn", d.Today), ("repairObligation", repair),
            LedgerItems.LedgerData("agreed", AgreedItems));

    /// <summary>The rights holder designates the collecting department and the treasury (R27).</summary>
    public static CaseDriver CollectionDesignated(this CaseDriver d, string department = "financeBureau", string treasury = "chongchuan") => d
        .Fire("DesignateCollection", RightsHolder, ("collectingDepartment", department), ("treasury", treasury), ("spansCounties", false));

    /// <summary>The designated finance bureau records payments (R27).</summary>
    public static CaseDriver Paid(this CaseDriver d, params (string Head, decimal Amount)[] items) => d
        .Attach("paymentVoucher")
        .FireAs("RecordPayment", Collector, LedgerItems.LedgerData("paid", items));

    /// <summary>A finance bureau officer of the designated department.</summary>
    public static readonly Engine.Execution.Actor Collector = new("cashier", Finance, "financeBureau");

    /// <summary>Clue to an agreement reached in consultation (claim state AgreementReached).</summary>
    public static CaseDriver ToAgreement(this CaseDriver d) =>
        d.Opened().Investigated().Appraised().ConsultationStarted().NoticeServed().Meeting().AgreementSigned();

    /// <summary>Clue to a failed consultation (claim state LitigationDecision).</summary>
    public static CaseDriver ToLitigationDecision(this CaseDriver d) => d
        .Opened().Investigated().Appraised().ConsultationStarted()
        .Fire("DeclareFailed", Department, ("failureGround", "refused"));

    /// <summary>Clue to repair planning, performing an agreement with a repair obligation without judicial confirmation.</summary>
    public static CaseDriver ToRepairPlanning(this CaseDriver d) =>
        d.ToAgreement().Fire("PerformWithoutConfirmation", Department);

    /// <summary>
    /// Clue to a money-only agreement (no repair obligation) performed without confirmation and not paid in full: the
    /// department declares the default (R16) and the claim waits in NonPerformance, where a payment order may be sought (N5).
    /// </summary>
    public static CaseDriver ToMoneyDefault(this CaseDriver d) => d
        .Opened().Investigated().Appraised().ConsultationStarted().NoticeServed().Meeting().AgreementSigned(repair: false)
        .Fire("PerformWithoutConfirmation", Department)
        .Fire("DeclareDefault", Department);

    /// <summary>The court publishes the agreement (N4): the notice's served-on date is the publication date.</summary>
    public static CaseDriver NoticePublished(this CaseDriver d, LocalDate? on = null) => d
        .Attach("noticePublication", on)
        .Fire("PublishNotice", Court);

    public static CaseDriver RepairChosen(this CaseDriver d, LocalDate due, string mode = "selfRepair") => d
        .Attach("repairPlan")
        .Fire("ChooseRepairMode", Department, ("repairMode", mode), ("repairDueDate", due));

    public static CaseDriver Evaluated(this CaseDriver d, bool passed) => d
        .Attach("evaluationReport")
        .Fire("SubmitEvaluation", Evaluator, ("evaluationPassed", passed));
}
