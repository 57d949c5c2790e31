using System.Net;
using System.Net.Http.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Webhooks;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;
using static EcoDamage.Workflow.Server.Tests.Webhooks.ScopedHost;

namespace EcoDamage.Workflow.Server.Tests.Links;

/// <summary>
/// Issue 13: "LinkCase has no role check and the link endpoints ignore If-Match". Each test fails on the old code
/// (the link was made, 201; a stale If-Match was ignored).
/// </summary>
public sealed class LinkAccessTests
{
    public static TheoryData<string> Providers => CaseDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Link_ByACallerNotActingOnBothCasesInATriggerRole_403_NothingChanged(string provider)
    {
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var first = (await api.RegisterClueAsync(jurisdiction: "chongchuan")).GetProperty("id").GetString()!;
        var second = (await api.RegisterClueAsync(jurisdiction: "haimen")).GetProperty("id").GetString()!;

        // Out of scope (a party role without a party, read-only, another district, another department), or a role firing no trigger.
        foreach (var key in new[] { Obligor, Admin, HaimenEcology, NaturalResources, InformationOfficer })
        {
            var before = (await VersionAsync(api, first), await VersionAsync(api, second));
            using var response = await api.As(key).PostAsJsonAsync($"/api/cases/{first}/links", new { caseId = second, kind = "related" });
            var body = await response.Content.ReadAsStringAsync();
            // A caller that does not read the case finds none (404, the case gate); one that reads but may not act gets 403.
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{key}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(before, (await VersionAsync(api, first), await VersionAsync(api, second)));
            Assert.Equal("[]", await api.As(LawEnforcement).GetStringAsync($"/api/cases/{first}/links"));
        }

        using var linked = await api.As(LawEnforcement).PostAsJsonAsync($"/api/cases/{first}/links", new { caseId = second, kind = "related" });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LinkSplitSupplement_StaleIfMatch_409_NothingChanged_CurrentIfMatch_Accepted(string provider)
    {
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var first = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var second = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var current = await VersionAsync(api, first);
        var stale = $"\"{current - 1}\"";
        var requests = new (string Path, object Body)[]
        {
            ($"/api/cases/{first}/links", new { caseId = second, kind = "related" }),
            ($"/api/cases/{first}/split", new { obligors = new[] { new { name = "甲公司" }, new { name = "乙公司" } } }),
            ($"/api/cases/{first}/supplementary-claims", new { description = "新发现的损害" }),
        };
        foreach (var (path, body) in requests)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", stale);
            using var response = await api.As(LawEnforcement).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{path}: {(int)response.StatusCode} {text}");
            Assert.Contains("currentVersion", text, StringComparison.Ordinal);
            Assert.Equal(current, await VersionAsync(api, first));
            Assert.Equal("[]", await api.As(LawEnforcement).GetStringAsync($"/api/cases/{first}/links"));
        }

        using var fresh = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{first}/links") { Content = JsonContent.Create(new { caseId = second, kind = "related" }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", $"\"{current}\"");
        using var accepted = await api.As(LawEnforcement).SendAsync(fresh);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    private static async Task<long> VersionAsync(CaseClient api, string id) => (await api.GetAsync(id)).GetProperty("version").GetInt64();
}
