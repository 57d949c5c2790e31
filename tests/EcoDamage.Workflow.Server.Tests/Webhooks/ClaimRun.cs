using System.Globalization;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>The full claim of <see cref="FullClaimTests"/> (clue → closure), driven through HTTP; returns the case id.</summary>
public static class ClaimRun
{
    public static async Task<string> FullAsync(ServerFactory factory, Func<Task>? midway = null)
    {
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await api.AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await api.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });
        await api.AttachAsync(id, "siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence");
        await api.FireAsync(LawEnforcement, id, "CompleteInvestigation",
            new { estimatedDamage = 1_200_000m, factsSimple = false, liabilityUndisputed = false, damageSmall = false });
        await api.FireAsync(LawEnforcement, id, "CommissionAppraisal", new { appraisalMode = "qualifiedInstitution" });
        await api.AttachAsync(id, "appraisalOpinion");
        await api.FireAsync(Appraiser, id, "DeliverAppraisal", new { assessedDamage = 1_000_000m });
        await api.FireAsync(LawEnforcement, id, "ClaimPunitiveDamages",
            new { intentionalViolation = true, seriousConsequences = true, punitiveAmount = 500_000m, punitiveFactors = "持续偷排" });
        await api.AttachAsync(id, "compensationOpinionLetter");
        await api.FireAsync(LawEnforcement, id, "IssueOpinionLetter");
        if (midway is not null)
        {
            await midway();
        }

        await api.AttachAsync(id, "writtenNotice");
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = Today(factory) });
        factory.Clock.Advance(TimeSpan.FromDays(14));
        await api.AttachAsync(id, "meetingMinutes");
        await api.FireAsync(LawEnforcement, id, "RecordMeeting", new { meetingDate = Today(factory), publicParticipants = "村民代表" });
        factory.Clock.Advance(TimeSpan.FromDays(14));
        await api.AttachAsync(id, "meetingMinutes");
        await api.FireAsync(LawEnforcement, id, "RecordMeeting", new { meetingDate = Today(factory) });
        await api.AttachAsync(id, "compensationAgreement");
        await api.FireAsync(LawEnforcement, id, "SignAgreement", new
        {
            agreedAmount = 1_000_000m, agreementSignedOn = Today(factory), repairObligation = true,
            ledger = new[] { new { kind = "agreed", head = "cleanUpAndRepair", amount = 1_000_000m } },
        });
        await api.AttachAsync(id, "confirmationApplication");
        await api.FireAsync(LawEnforcement, id, "ApplyJudicialConfirmation");
        await api.AttachAsync(id, "noticePublication");
        await api.FireAsync(Court, id, "PublishNotice");
        factory.Clock.Advance(TimeSpan.FromDays(31));
        await api.FireAsync(Court, id, "NoticePeriodEnded");
        await api.AttachAsync(id, "confirmationRuling");
        await api.FireAsync(Court, id, "RuleAgreementValid");
        await api.FireAsync(LawEnforcement, id, "ReceiveDeposit", new { depositAmount = 200_000m });
        await api.AttachAsync(id, "repairPlan");
        await api.FireAsync(LawEnforcement, id, "ChooseRepairMode", new { repairMode = "selfRepair", repairDueDate = "2026-09-30" });
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 8, 31, 2, 0, 0, TimeSpan.Zero));
        await api.AttachAsync(id, "repairCompletionReport");
        await api.FireAsync(Obligor, id, "CompleteRepair");
        await api.AttachAsync(id, "evaluationReport");
        await api.FireAsync(Evaluator, id, "SubmitEvaluation", new { evaluationPassed = true });
        await api.FireAsync(Finance, id, "SettleDeposit");
        await api.AttachAsync(id, "paymentVoucher");
        await api.FireAsync(RightsHolder, id, "DesignateCollection", new { collectingDepartment = "financeBureau", treasury = "chongchuan", spansCounties = false });
        await api.FireAsync(Finance, id, "RecordPayment", new { ledger = new[] { new { kind = "paid", head = "cleanUpAndRepair", amount = 1_000_000m } } });
        await api.FireAsync(LawEnforcement, id, "ReviewClosure");
        await api.FireAsync(LawEnforcement, id, "CloseCase");
        return id;
    }

    private static string Today(ServerFactory factory) =>
        factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
