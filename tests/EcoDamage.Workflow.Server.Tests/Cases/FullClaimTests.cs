using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>A claim driven through HTTP from clue to closure on the shipped definitions (the engine's FullClaim scenario).</summary>
public sealed class FullClaimTests(CaseServers servers) : IClassFixture<CaseServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task FullClaim_ClueToClosure_OverHttp(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var clue = await api.RegisterClueAsync();
        var id = clue.GetProperty("id").GetString()!;
        Assert.Equal(["ClueScreening"], States(clue));
        Assert.Contains(clue.GetProperty("permittedTriggers").EnumerateArray(), t => t.GetProperty("id").GetString() == "StartPreliminaryCheck");

        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        Assert.Contains((await api.GetAsync(id)).GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("id").GetString() == "preliminaryCheck");
        await api.AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await api.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });
        await api.AttachAsync(id, "siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence");
        await api.FireAsync(LawEnforcement, id, "CompleteInvestigation",
            new { estimatedDamage = 1_200_000m, factsSimple = false, liabilityUndisputed = false, damageSmall = false });
        await api.FireAsync(LawEnforcement, id, "CommissionAppraisal", new { appraisalMode = "qualifiedInstitution" });
        await api.AttachAsync(id, "appraisalOpinion");
        await api.GrantPartiesAsync(id);
        await api.FireAsync(Appraiser, id, "DeliverAppraisal", new { assessedDamage = 1_000_000m });
        await api.FireAsync(LawEnforcement, id, "ClaimPunitiveDamages",
            new { intentionalViolation = true, seriousConsequences = true, punitiveAmount = 500_000m, punitiveFactors = "持续偷排" });
        await api.AttachAsync(id, "compensationOpinionLetter");
        await api.FireAsync(LawEnforcement, id, "IssueOpinionLetter");
        await api.AttachAsync(id, "writtenNotice");
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = Today(factory) });
        Advance(factory, 14);
        await api.AttachAsync(id, "meetingMinutes");
        await api.FireAsync(LawEnforcement, id, "RecordMeeting", new { meetingDate = Today(factory), publicParticipants = "村民代表" });
        Advance(factory, 14);
        await api.AttachAsync(id, "meetingMinutes");
        await api.FireAsync(LawEnforcement, id, "RecordMeeting", new { meetingDate = Today(factory) });
        await api.AttachAsync(id, "compensationAgreement");
        await api.FireAsync(LawEnforcement, id, "SignAgreement", new
        {
            agreedAmount = 1_000_000m, agreementSignedOn = Today(factory), repairObligation = true,
            ledger = new[]
            {
                new { kind = "agreed", head = "cleanUpAndRepair", amount = 600_000m },
                new { kind = "agreed", head = "serviceFunctionLoss", amount = 400_000m },
            },
        });
        await api.AttachAsync(id, "confirmationApplication");
        await api.FireAsync(LawEnforcement, id, "ApplyJudicialConfirmation");
        await api.AttachAsync(id, "noticePublication");
        await api.FireAsync(Court, id, "PublishNotice");
        Advance(factory, 31);
        // The overdue courtNotice deadline fires NoticePeriodEnded; the host has no deadline scheduler yet, so the court fires it.
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
        // R27 (seed line 60): the rights holder designates the department that collects, and the treasury.
        await api.FireAsync(RightsHolder, id, "DesignateCollection", new { collectingDepartment = "financeBureau", treasury = "chongchuan", spansCounties = false });
        await api.AttachAsync(id, "paymentVoucher");
        await api.FireAsync(Finance, id, "RecordPayment", new
        {
            ledger = new[]
            {
                new { kind = "paid", head = "cleanUpAndRepair", amount = 600_000m, treasury = "chongchuan" },
                new { kind = "paid", head = "serviceFunctionLoss", amount = 400_000m, treasury = "chongchuan" },
            },
        });
        await api.FireAsync(LawEnforcement, id, "ReviewClosure");
        await api.FireAsync(LawEnforcement, id, "RecordLeniency");
        await api.FireAsync(LawEnforcement, id, "Disclose");
        var closed = await api.FireAsync(LawEnforcement, id, "CloseCase");

        Assert.Equal(["Closed"], States(closed));
        Assert.Empty(closed.GetProperty("deadlines").EnumerateArray());
        Assert.Empty(closed.GetProperty("permittedTriggers").EnumerateArray());
        Assert.True(closed.GetProperty("data").GetProperty("disclosed").GetBoolean());
        Assert.Equal(1_000_000m, closed.GetProperty("data").GetProperty("paidTotal").GetDecimal());
        Assert.True(closed.GetProperty("ledger").GetProperty("settled").GetBoolean());
        var audit = await api.AuditAsync(id);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("trigger").GetString() == "RecordPayment"
            && e.GetProperty("actorId").GetString() == "finance-system" && e.GetProperty("role").GetString() == "financeBureau"
            && e.GetProperty("department").GetString() == "financeBureau");
        var verify = await api.VerifyAsync(id);
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        Assert.Equal(audit.GetArrayLength(), verify.GetProperty("events").GetInt32());
    }

    private static string[] States(JsonElement view) => view.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray();

    private static string Today(ServerFactory factory) => factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void Advance(ServerFactory factory, int days) => factory.Clock.Advance(TimeSpan.FromDays(days));
}
