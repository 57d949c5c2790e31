using System.Net;
using System.Net.Http.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Idempotency;

/// <summary>
/// Issue 13: "idempotency keys are one global namespace (one caller's key blocks another's), and 9 of 1,080 same-key
/// retries of a fire answered 409 instead of the first outcome".
/// </summary>
public sealed class IdempotencyNamespaceTests(CaseServers servers) : IClassFixture<CaseServers>
{
    private const string Hotline = "dev-hotline-key";

    // Regression (fails on the old code: the hotline's request answered 409 "Idempotency Key Reused", the law-enforcement system's key blocking it).
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task SameKey_TwoCallers_EachGetsItsOwnOutcome(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var first = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var second = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var key = "shared-" + Guid.NewGuid().ToString("N");

        var law = await FireAsync(api.As(LawEnforcement), first, key);
        var hotline = await FireAsync(api.As(Hotline), second, key);
        var lawAgain = await FireAsync(api.As(LawEnforcement), first, key);

        Assert.Equal(HttpStatusCode.OK, law.Status);
        Assert.True(hotline.Status == HttpStatusCode.OK, hotline.Body);
        Assert.Contains(second, hotline.Body, StringComparison.Ordinal);
        Assert.Equal(law, lawAgain);
    }

    // Regression (the old code answered some of these 409 instead of the first outcome): 20 keys × 50 concurrent same-key
    // fires; every answer is the first one, and each case moved once.
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task SameKey_ManyConcurrentRetries_EveryAnswerIsTheFirstOutcome(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var cases = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            cases.Add((await api.RegisterClueAsync()).GetProperty("id").GetString()!);
        }

        var client = api.As(LawEnforcement);
        var answers = await Task.WhenAll(cases.SelectMany(id => Enumerable.Range(0, 50).Select(_ => (id, key: "retry-" + id)))
            .Select(async r => (r.id, Answer: await FireAsync(client, r.id, r.key))));

        foreach (var group in answers.GroupBy(a => a.id))
        {
            var distinct = group.Select(a => a.Answer).Distinct().ToList();
            Assert.True(distinct.Count == 1, $"{group.Key}: {string.Join(" | ", distinct.Select(d => $"{(int)d.Status} {d.Body}"))}");
            Assert.Equal(HttpStatusCode.OK, distinct[0].Status);
            var audit = await api.AuditAsync(group.Key);
            Assert.Single(audit.EnumerateArray(), e => e.GetProperty("trigger").GetString() == "StartPreliminaryCheck");
        }
    }

    private static async Task<Answer> FireAsync(HttpClient client, string caseId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/triggers/StartPreliminaryCheck") { Content = JsonContent.Create(new { data = new { } }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.ETag?.Tag);
    }

    private sealed record Answer(HttpStatusCode Status, string Body, string? ETag);
}
