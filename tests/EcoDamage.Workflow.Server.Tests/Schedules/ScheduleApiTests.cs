using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Deadlines;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Schedules;

/// <summary>
/// Schedules over HTTP on the shipped definitions, with the fake clock and the deadline sweeper: an instalment plan
/// (R25, seed line 56) posted as a record list, one instalment missed; labour sessions (R24, seed line 54) with a
/// month below the minimum.
/// </summary>
public sealed class ScheduleApiTests
{
    // The obligor and the evaluator act in the repair; the deadline host's settings do not name them.
    private static readonly Dictionary<string, string> PartyKeys = new()
    {
        ["Security:ApiKeys:obligor:Key"] = Obligor,
        ["Security:ApiKeys:obligor:System"] = "obligor-system",
        ["Security:ApiKeys:obligor:Role"] = "obligor",
        ["Security:ApiKeys:obligor:Party"] = "obligor", // issue 13: granted by CaseClient.GrantPartiesAsync
        ["Security:ApiKeys:evaluator:Key"] = Evaluator,
        ["Security:ApiKeys:evaluator:System"] = "evaluator-system",
        ["Security:ApiKeys:evaluator:Role"] = "evaluator",
        ["Security:ApiKeys:evaluator:Party"] = "evaluator",
        ["Security:ApiKeys:rightsHolder:Key"] = RightsHolder,
        ["Security:ApiKeys:rightsHolder:System"] = "rights-holder-system",
        ["Security:ApiKeys:rightsHolder:Role"] = "rightsHolder",
        ["Security:ApiKeys:rightsHolder:Jurisdiction"] = "nantong",
    };

    [Fact]
    public async Task InstalmentDefault_OverHttp_SweeperFiresTheMissedInstalmentOnlyAndTheCaseGoesToNonPerformance()
    {
        using var host = new DeadlineHost(settings: PartyKeys);
        var api = host.Api;
        var id = await AgreementAsync(host);
        await api.AttachAsync(id, "confirmationApplication");
        await api.FireAsync(LawEnforcement, id, "ApplyJudicialConfirmation");
        // N4: the notice runs at least 30 days from the court's publication, then the court may rule.
        await api.AttachAsync(id, "noticePublication");
        await api.FireAsync(Court, id, "PublishNotice");
        host.Factory.Clock.Advance(TimeSpan.FromDays(31));
        await api.FireAsync(Court, id, "NoticePeriodEnded");
        await api.AttachAsync(id, "confirmationRuling");
        await api.FireAsync(Court, id, "RuleAgreementValid");
        await api.AttachAsync(id, "repairPlan");
        await api.FireAsync(LawEnforcement, id, "ChooseRepairMode", new { repairMode = "selfRepair", repairDueDate = "2026-09-30" });
        await api.AttachAsync(id, "repairCompletionReport");
        await api.FireAsync(Obligor, id, "CompleteRepair");
        await api.AttachAsync(id, "evaluationReport");
        await api.FireAsync(Evaluator, id, "SubmitEvaluation", new { evaluationPassed = true });
        await api.FireAsync(Finance, id, "SettleDeposit");
        // R27: the rights holder designates the collecting department (the finance bureau) and the treasury.
        await api.FireAsync(RightsHolder, id, "DesignateCollection", new { collectingDepartment = "financeBureau", treasury = "chongchuan", spansCounties = false });
        await api.AttachAsync(id, "guaranteeDocument");

        using var bad = await api.As(LawEnforcement).PostAsJsonAsync($"/api/cases/{id}/triggers/ArrangeInstalments", new
        {
            data = new { guaranteeProvided = true, instalments = new object[] { new { due = "2026-06-30", amount = 1 }, new { due = "2026-05-29", amount = 1 } } },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("instalments[1].due", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var arranged = await api.FireAsync(LawEnforcement, id, "ArrangeInstalments", new
        {
            guaranteeProvided = true,
            instalments = new object[]
            {
                new { due = "2026-05-29", amount = 400_000 },
                new { due = "2026-06-30", amount = 300_000 },
                new { due = "2026-07-31", amount = 300_000 },
            },
        });
        Assert.Equal(["claim/instalments@1#1", "claim/instalments@2#1", "claim/instalments@3#1"], Keys(arranged));
        Assert.Equal(["2026-05-29", "2026-06-30", "2026-07-31"], arranged.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("lastDay").GetString()));
        var plan = Assert.Single(arranged.GetProperty("schedules").EnumerateArray());
        Assert.Equal(("claim", "instalments", 3), (plan.GetProperty("definition").GetString(), plan.GetProperty("id").GetString(), plan.GetProperty("items").GetArrayLength()));
        Assert.Equal("2026-06-30", plan.GetProperty("items")[1].GetProperty("values").GetProperty("due").GetString());
        Assert.Equal(1_000_000m, arranged.GetProperty("data").GetProperty("instalmentPlanTotal").GetDecimal());

        host.Factory.Clock.SetUtcNow(DeadlineHost.At(2026, 5, 20, 10));
        await api.AttachAsync(id, "paymentVoucher");
        // An instalment is a payment like any other: itemised by N9 head in the ledger (R27).
        var paid = await api.FireAsync(Finance, id, "PayInstalment", new
        {
            instalment = 1,
            instalmentPaid = 400_000,
            ledger = new[] { new { kind = "paid", head = "cleanUpAndRepair", amount = 400_000m, instalment = 1 } },
        });
        Assert.Equal(["claim/instalments@2#1", "claim/instalments@3#1"], Keys(paid));
        Assert.NotEqual(JsonValueKind.Null, paid.GetProperty("schedules")[0].GetProperty("items")[0].GetProperty("metAt").ValueKind);

        var swept = await host.SweepAtAsync(DeadlineHost.At(2026, 7, 3, 9));
        var again = await host.SweepAtAsync(DeadlineHost.At(2026, 7, 20, 9));

        Assert.Equal((2, 1, 1), (swept.Reminders, swept.Overdue, swept.Escalations));
        Assert.Equal(0, again.Cases);
        var view = await api.GetAsync(id);
        Assert.Equal(["NonPerformance"], view.GetProperty("states").EnumerateArray().Select(s => s.GetString()));
        Assert.True(view.GetProperty("data").GetProperty("guaranteeCalled").GetBoolean());
        Assert.Empty(view.GetProperty("deadlines").EnumerateArray());
        Assert.Contains("handlingDepartment", view.GetProperty("supervision").EnumerateArray().Select(s => s.GetString()));
        var audit = await host.DeadlineAuditAsync(id);
        Assert.Contains(audit, e => e.GetProperty("trigger").GetString() == "deadline:claim/instalments@2#1" && e.GetProperty("kind").GetString() == "Escalated");
        Assert.DoesNotContain(audit, e => e.GetProperty("trigger").GetString()!.Contains("instalments@3", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.GetProperty("trigger").GetString() == "InstalmentMissed" && e.GetProperty("kind").GetString() == "Transition");
        Assert.True((await api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task LabourSchedule_MonthBelowTheMinimum_OverHttp_IsEscalatedOnceAndTheNextMonthOpens()
    {
        using var host = new DeadlineHost();
        var api = host.Api;
        var id = await AgreementAsync(host);
        await api.FireAsync(LawEnforcement, id, "PerformWithoutConfirmation");
        await api.AttachAsync(id, "repairPlan", "labourAccounting");
        var chosen = await api.FireAsync(LawEnforcement, id, "ChooseRepairMode", new
        {
            repairMode = "labourCompensation", repairDueDate = "2026-12-31", labourValue = 36_000, labourDays = 60,
        });
        Assert.Contains("repair/labourSessions@2026-03#1", Keys(chosen));

        var march = await api.FireAsync(LawEnforcement, id, "RecordLabourSession", new
        {
            labourSessions = new object[]
            {
                new { date = "2026-03-09", hours = 4, value = 600 },
                new { date = "2026-03-16", hours = 4, value = 600 },
                new { date = "2026-03-23", hours = 4.5, value = 675 },
            },
        });
        Assert.DoesNotContain("repair/labourSessions@2026-03#1", Keys(march));
        Assert.Contains("repair/labourSessions@2026-04#1", Keys(march));
        Assert.Equal(1_875m, march.GetProperty("data").GetProperty("labourPerformedValue").GetDecimal());

        var swept = await host.SweepAtAsync(DeadlineHost.At(2026, 5, 3, 9));
        var again = await host.SweepAtAsync(DeadlineHost.At(2026, 5, 10, 9));

        Assert.Equal((1, 1, 1), (swept.Reminders, swept.Overdue, swept.Escalations));
        Assert.Equal(0, again.Cases);
        var deadlines = (await api.GetAsync(id)).GetProperty("deadlines").EnumerateArray()
            .Where(d => d.GetProperty("id").GetString() == "labourSessions")
            .Select(d => (d.GetProperty("key").GetString(), d.GetProperty("lastDay").GetString(), d.GetProperty("status").GetString()));
        Assert.Equal([("repair/labourSessions@2026-04#1", "2026-04-30", "Overdue"), ("repair/labourSessions@2026-05#1", "2026-05-31", "Open")], deadlines);
        Assert.True((await api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
    }

    /// <summary>A clue to an agreement reached in consultation (claim state AgreementReached), on 2026-03-30.</summary>
    private static async Task<string> AgreementAsync(DeadlineHost host)
    {
        var api = host.Api;
        var id = await api.ToConsultationAsync();
        await api.AttachAsync(id, "writtenNotice");
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = "2026-03-02" });
        host.Factory.Clock.SetUtcNow(DeadlineHost.At(2026, 3, 30, 10));
        await api.AttachAsync(id, "meetingMinutes");
        await api.FireAsync(LawEnforcement, id, "RecordMeeting", new { meetingDate = "2026-03-30" });
        await api.AttachAsync(id, "compensationAgreement");
        await api.FireAsync(LawEnforcement, id, "SignAgreement", new { agreedAmount = 1_000_000m, agreementSignedOn = "2026-03-30", repairObligation = true, ledger = new[] { new { kind = "agreed", head = "cleanUpAndRepair", amount = 1_000_000m } } });
        return id;
    }

    private static string[] Keys(JsonElement view) =>
        view.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("key").GetString()!).Where(k => k.Contains('@', StringComparison.Ordinal)).ToArray();
}
