using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Definitions;

namespace EcoDamage.Workflow.Server.Tests.Administration;

/// <summary>
/// Issue 14: what a draft changes, seen before it is published — the semantic diff against the version it is based on
/// (R13/N8 simplified-procedure ceiling; N3 consultation period, consultation.workflow.yaml consultationPeriod) and a
/// posted scenario simulated on the draft beside the published version.
/// </summary>
public sealed class DraftDiffAndSimulationTests : IAsyncLifetime
{
    private readonly CaseServers _servers = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Diff_DraftAgainstItsBase_EachChangeReported(string provider)
    {
        var admin = new AdminClient(await _servers.GetAsync(provider));
        var claim = await admin.DraftAsync("claim@2.0.0", t => ClaimEdits.RaiseSimplifiedThreshold(ClaimEdits.Renumber(t, "2.1.0", "2026-03-02")));
        var consultation = await admin.DraftAsync("consultation@2.0.0", ConsultationEdits.ExtendPeriod);

        var claimDiff = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/definitions/drafts/{claim}/diff?lang=en");
        var consultationDiff = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/definitions/drafts/{consultation}/diff?lang=en");

        Assert.Equal("2.0.0", claimDiff.GetProperty("from").GetString());
        Assert.Equal($"draft:{claim}", claimDiff.GetProperty("to").GetString());
        Assert.Equal(
            [
                "changed effectivePeriod effective/from 2023-05-01 → 2026-03-02",
                "removed effectivePeriod effective/to 2028-04-30 → ",
                "changed parameter parameters/simplifiedThreshold/value 500000 → 1000000",
            ],
            Changes(claimDiff));
        Assert.Contains("Parameter simplifiedThreshold", claimDiff.GetProperty("changes")[2].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("changed deadline states/Negotiating/deadlines/consultationPeriod/period 90d → 120d", Changes(consultationDiff));

        using var text = await admin.Http.GetAsync($"/api/definitions/drafts/{claim}/diff?format=text&lang=zh");
        Assert.Contains("参数 simplifiedThreshold（简易评估认定程序金额上限）由 500000 改为 1000000", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await admin.Http.GetAsync($"/api/definitions/drafts/{claim}/diff?against=claim@9.9.9");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Simulate_PostedScenarioOnADraft_ConsultationExpiresThirtyDaysLaterThanOnThePublishedVersion(string provider)
    {
        var admin = new AdminClient(await _servers.GetAsync(provider));
        var draft = await admin.DraftAsync("consultation@2.0.0", ConsultationEdits.ExtendPeriod);

        using var response = await admin.Http.PostAsJsonAsync(
            $"/api/definitions/drafts/{draft}/simulations", new { scenario = SimulationApiTests.PostedScenario, lang = "en" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.True(result.GetProperty("candidate").GetProperty("passed").GetBoolean());
        Assert.True(result.GetProperty("published").GetProperty("passed").GetBoolean());
        var deemed = Assert.Single(result.GetProperty("differences").EnumerateArray(), d => d.GetProperty("subject").GetString() == "DeemFailed");
        Assert.Equal("2026-07-07T00:00:00+08:00", deemed.GetProperty("published").GetProperty("at").GetString());
        Assert.Equal("2026-08-06T00:00:00+08:00", deemed.GetProperty("candidate").GetProperty("at").GetString());
    }

    private static List<string> Changes(JsonElement diff) =>
        diff.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("element").GetString()} {c.GetProperty("path").GetString()} "
                         + $"{c.GetProperty("before").GetString()} → {c.GetProperty("after").GetString()}")
            .ToList();
}
