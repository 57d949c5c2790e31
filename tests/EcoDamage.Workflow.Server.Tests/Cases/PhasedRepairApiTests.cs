using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>
/// Issue 12, "Phased performance" over HTTP: an agreement performed in three repair phases (R21, R25), one repair per
/// phase; the case view shows each phase's branch and a trigger names its phase with the body member <c>branch</c>.
/// </summary>
public sealed class PhasedRepairApiTests(CaseServers servers) : IClassFixture<CaseServers>
{
    private static readonly object[] Phases =
    [
        new { scope = "清理污染底泥", phaseAmount = 400_000m, repairMode = "selfRepair", repairDueDate = "2026-09-30", guarantee = "保证金" },
        new { scope = "恢复岸带植被", phaseAmount = 350_000m, repairMode = "thirdPartyRepair", repairDueDate = "2026-12-31", guarantee = "银行保函" },
        new { scope = "增殖放流", phaseAmount = 250_000m, repairMode = "alternativeRepair", repairDueDate = "2027-03-31", guarantee = "银行保函" },
    ];

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ThreePhaseRepair_OnePhaseFailingEvaluation_OverHttpWithBranch(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = await ToAgreementAsync(api);

        var performing = await api.FireAsync(LawEnforcement, id, "PerformWithoutConfirmation", new { phases = Phases });

        Assert.Equal(["Performance"], Strings(performing.GetProperty("states")));
        var branches = performing.GetProperty("branches").EnumerateArray().ToArray();
        Assert.Equal(["phases/1", "phases/2", "phases/3"], branches.Select(b => b.GetProperty("key").GetString()));
        Assert.Equal("thirdPartyRepair", branches[1].GetProperty("data").GetProperty("repairMode").GetString());
        Assert.Equal(["RepairPlanning"], Strings(branches[0].GetProperty("states")));
        Assert.Contains(branches[0].GetProperty("permittedTriggers").EnumerateArray(), t => t.GetProperty("id").GetString() == "ChooseRepairMode");

        await api.AttachAsync(id, "repairPlan", "repairCompletionReport", "evaluationReport");
        using (var unnamed = await PostAsync(api, LawEnforcement, id, "ChooseRepairMode", null, new { }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed.StatusCode);
            Assert.Contains("phases/1, phases/2, phases/3", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await FireInAsync(api, LawEnforcement, id, "phases/1", "ChooseRepairMode");
        await FireInAsync(api, LawEnforcement, id, "phases/2", "ChooseRepairMode");
        var started = await FireInAsync(api, LawEnforcement, id, "phases/3", "ChooseRepairMode", new
        {
            alternativeMeasure = "stockEnhancement", naturallyRecovered = false, repairInPlaceImpracticable = true, impactLimited = true,
            alternativeReasoning = "原地修复难以开展，影响有限",
        });
        var terms = started.GetProperty("branches").EnumerateArray()
            .Select(b => b.GetProperty("deadlines").EnumerateArray().Single())
            .Select(d => (d.GetProperty("key").GetString(), d.GetProperty("lastDay").GetString()))
            .ToArray();
        Assert.Equal([("repair/repairTerm@phases/1#1", "2026-09-30"), ("repair/repairTerm@phases/2#1", "2026-12-31"), ("repair/repairTerm@phases/3#1", "2027-03-31")], terms);
        Assert.Empty(started.GetProperty("deadlines").EnumerateArray());

        foreach (var phase in new[] { "phases/1", "phases/3" })
        {
            await FireInAsync(api, Obligor, id, phase, "CompleteRepair");
            await FireInAsync(api, Evaluator, id, phase, "SubmitEvaluation", new { evaluationPassed = true });
            await FireInAsync(api, Finance, id, phase, "SettleDeposit");
        }

        await FireInAsync(api, Obligor, id, "phases/2", "CompleteRepair");
        var failed = await FireInAsync(api, Evaluator, id, "phases/2", "SubmitEvaluation", new { evaluationPassed = false, repairDueDate = "2027-06-30" });
        Assert.Equal(["Performance"], Strings(failed.GetProperty("states")));
        Assert.Equal(
            ["Completed", "ObligorRepairing", "Completed"],
            failed.GetProperty("branches").EnumerateArray().Select(b => Strings(b.GetProperty("states"))[^1]));

        await FireInAsync(api, Obligor, id, "phases/2", "CompleteRepair");
        await FireInAsync(api, Evaluator, id, "phases/2", "SubmitEvaluation", new { evaluationPassed = true });
        var done = await FireInAsync(api, Finance, id, "phases/2", "SettleDeposit");

        Assert.Equal(["FundsSettlement"], Strings(done.GetProperty("states")));
        Assert.Empty(done.GetProperty("branches").EnumerateArray());
        var verify = await api.VerifyAsync(id);
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
    }

    private static async Task<string> ToAgreementAsync(CaseClient api)
    {
        var id = await api.ToConsultationAsync();
        await api.AttachAsync(id, "writtenNotice");
        var today = api.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = today });
        await api.AttachAsync(id, "meetingMinutes");
        await api.FireAsync(LawEnforcement, id, "RecordMeeting", new { meetingDate = today });
        await api.AttachAsync(id, "compensationAgreement");
        await api.FireAsync(LawEnforcement, id, "SignAgreement", new { agreedAmount = 1_000_000m, agreementSignedOn = today, repairObligation = true, ledger = new[] { new { kind = "agreed", head = "cleanUpAndRepair", amount = 1_000_000m } } });
        return id;
    }

    private static Task<HttpResponseMessage> PostAsync(CaseClient api, string key, string id, string trigger, string? branch, object data) =>
        api.As(key).PostAsJsonAsync($"/api/cases/{id}/triggers/{trigger}", new { data, branch });

    private static async Task<JsonElement> FireInAsync(CaseClient api, string key, string id, string branch, string trigger, object? data = null)
    {
        using var response = await PostAsync(api, key, id, trigger, branch, data ?? new { });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{trigger} in {branch}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(s => s.GetString()!).ToArray();
}
