using System.Net;
using System.Text;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>
/// Issue 12, error 12 over HTTP: the court cannot end the public notice of an agreement (N4, at least 30 days from
/// publication) before it has run: 422 naming the period and its last day; after it has run, the court may.
/// </summary>
public sealed class StatutoryPeriodApiTests(CaseServers servers) : IClassFixture<CaseServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task NoticePeriodEnded_BeforeTheNoticeHasRun_Is422NamingThePeriodAndItsDate(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = await api.ToConsultationAsync();
        await api.AttachAsync(id, "writtenNotice");
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = "2026-03-02" });
        await api.AttachAsync(id, "compensationAgreement");
        await api.FireAsync(LawEnforcement, id, "SignAgreement", new { agreedAmount = 1_000_000m, agreementSignedOn = "2026-03-02", repairObligation = true, ledger = new[] { new { kind = "agreed", head = "cleanUpAndRepair", amount = 1_000_000m } } });
        await api.AttachAsync(id, "confirmationApplication");
        await api.FireAsync(LawEnforcement, id, "ApplyJudicialConfirmation");
        // The court publishes the agreement on Wed 2026-03-04: the notice runs to Fri 2026-04-03 inclusive.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        using (var published = await api.PostDocumentAsync(Court, id, "noticePublication", "2026-03-04", Encoding.UTF8.GetBytes("公告")))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        await api.FireAsync(Court, id, "PublishNotice");
        factory.Clock.Advance(TimeSpan.FromDays(10));

        using var early = await api.As(Court).PostAsync($"/api/cases/{id}/triggers/NoticePeriodEnded", JsonBody("{\"data\": {}}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("'NoticePeriodEnded' must wait for a statutory period", problem.GetProperty("title").GetString());
        var refusal = Assert.Single(problem.GetProperty("refusals").EnumerateArray());
        Assert.Equal("PeriodNotElapsed", refusal.GetProperty("kind").GetString());
        Assert.Equal("courtNotice", refusal.GetProperty("subject").GetString());
        Assert.Contains("公告期（自公告之日起不少于30日）", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("its last day is 2026-04-03", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["CourtNotice"], States(await api.GetAsync(id)));

        factory.Clock.Advance(TimeSpan.FromDays(21));
        var ended = await api.FireAsync(Court, id, "NoticePeriodEnded");
        Assert.Equal(["AwaitingRuling"], States(ended));
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static string[] States(JsonElement view) => view.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray();
}
