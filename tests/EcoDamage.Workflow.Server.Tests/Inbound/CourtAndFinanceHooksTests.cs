using System.Net;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookServer;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>
/// A claim driven over the API to judicial confirmation, where the court posts its ruling (司法确认裁定) and, after
/// the repair, finance posts the payment (缴款) as signed inbound hooks — the events the hooks exist for.
/// </summary>
public sealed class CourtAndFinanceHooksTests(HookServers servers) : IClassFixture<HookServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Hooks_CourtRulingAndFinancePayment_FireTheirTriggersAsThoseSystems(string provider)
    {
        var server = await servers.GetAsync(provider);
        var factory = server.Factory;
        factory.Clock.SetUtcNow(CaseServers.Monday);
        var api = server.Api;
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await api.AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await api.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });
        await api.AttachAsync(id, "siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence");
        await api.FireAsync(LawEnforcement, id, "CompleteInvestigation",
            new { estimatedDamage = 1_200_000m, factsSimple = false, liabilityUndisputed = false, damageSmall = false });
        await api.FireAsync(LawEnforcement, id, "CommissionAppraisal", new { appraisalMode = "qualifiedInstitution" });
        await api.AttachAsync(id, "appraisalOpinion");
        await api.GrantPartiesAsync(id);
        await api.FireAsync(Appraiser, id, "DeliverAppraisal", new { assessedDamage = 1_000_000m });
        await api.AttachAsync(id, "compensationOpinionLetter");
        await api.FireAsync(LawEnforcement, id, "IssueOpinionLetter");
        await api.AttachAsync(id, "writtenNotice");
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = Today(factory) });
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

        // The court retries its post (same webhook-id): the ruling is recorded once.
        using var ruling = await server.PostSignedAsync($"/api/hooks/court/cases/{id}/events/RuleAgreementValid", CourtSecret, "{\"data\": {}}", id: $"ruling-{id}");
        // A retry is signed again (a new timestamp): the very same message a second time is a replay (409).
        using var rulingAgain = await server.PostSignedAsync($"/api/hooks/court/cases/{id}/events/RuleAgreementValid", CourtSecret, "{\"data\": {}}", id: $"ruling-{id}", timestamp: server.Now - 1);
        Assert.Equal(HttpStatusCode.OK, ruling.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rulingAgain.StatusCode);

        await api.FireAsync(LawEnforcement, id, "ReceiveDeposit", new { depositAmount = 200_000m });
        await api.AttachAsync(id, "repairPlan");
        await api.FireAsync(LawEnforcement, id, "ChooseRepairMode", new { repairMode = "selfRepair", repairDueDate = "2026-09-30" });
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 8, 31, 2, 0, 0, TimeSpan.Zero));
        await api.AttachAsync(id, "repairCompletionReport");
        await api.FireAsync(Obligor, id, "CompleteRepair");
        await api.AttachAsync(id, "evaluationReport");
        await api.FireAsync(Evaluator, id, "SubmitEvaluation", new { evaluationPassed = true });
        using var settled = await server.PostSignedAsync($"/api/hooks/finance/cases/{id}/events/SettleDeposit", FinanceSecret, "{}");
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        await api.AttachAsync(id, "paymentVoucher");

        const string Payment = "{\"data\": {\"ledger\": [{\"kind\": \"paid\", \"head\": \"cleanUpAndRepair\", \"amount\": 1000000, \"treasury\": \"chongchuan\"}]}}";
        // R27: before the rights holder designates the collecting department and treasury, no payment is recorded.
        using var unpaid = await server.PostSignedAsync($"/api/hooks/finance/cases/{id}/events/RecordPayment", FinanceSecret, Payment);
        await api.FireAsync(RightsHolder, id, "DesignateCollection", new { collectingDepartment = "financeBureau", treasury = "chongchuan", spansCounties = false });
        using var paid = await server.PostSignedAsync($"/api/hooks/finance/cases/{id}/events/RecordPayment", FinanceSecret, Payment);

        var refusal = JsonDocument.Parse(await unpaid.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unpaid.StatusCode);
        Assert.Contains(refusal.GetProperty("refusals").EnumerateArray(), r => r.GetProperty("subject").GetString() == "treasury");
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var audit = (await api.AuditAsync(id)).EnumerateArray().ToArray();
        var rulingEvent = Assert.Single(audit, e => e.GetProperty("trigger").GetString() == "RuleAgreementValid");
        Assert.Equal(("court-hooks", "court"), (rulingEvent.GetProperty("actorId").GetString(), rulingEvent.GetProperty("role").GetString()));
        var payment = Assert.Single(audit, e => e.GetProperty("trigger").GetString() == "RecordPayment");
        Assert.Equal(("finance-hooks", "financeBureau"), (payment.GetProperty("actorId").GetString(), payment.GetProperty("department").GetString()));
        Assert.Equal(1_000_000m, (await api.GetAsync(id)).GetProperty("data").GetProperty("paidTotal").GetDecimal());
        Assert.True((await api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
    }

    private static string Today(ServerFactory factory) =>
        factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
