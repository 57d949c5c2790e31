using System.Net;
using System.Net.Http.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Webhooks;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;
using static EcoDamage.Workflow.Server.Tests.Webhooks.ScopedHost;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>
/// Issue 13: "any caller can request a deadline extension to 2999-12-31 and any other caller can approve it". Each
/// refusal is a 403 or 422 ProblemDetails and leaves the case as it was; each test fails on the old code (200).
/// </summary>
public sealed class ExtensionAccessTests
{
    private const string Deadline = "claim/preliminaryCheck#1";
    private const string Hotline = "dev-hotline-key";

    public static TheoryData<string> Providers => CaseDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Request_ByACallerWhoDoesNotRunTheStep_OrOutsideItsCases_403_NothingChanged(string provider)
    {
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var id = await PreliminaryCheckAsync(api, "chongchuan");
        var body = new { deadline = Deadline, period = "15d", reason = "需补充现场勘查" };

        // The court reads the case but runs no step of it (403); callers that do not read it find no case (404, issue 13's gate).
        await RefusedAsync(api, id, Court, $"/api/cases/{id}/deadline-extensions", body, HttpStatusCode.Forbidden);
        foreach (var key in new[] { Obligor, HaimenEcology, Admin })
        {
            await RefusedAsync(api, id, key, $"/api/cases/{id}/deadline-extensions", body, HttpStatusCode.NotFound);
        }

        using var allowed = await api.As(LawEnforcement).PostAsJsonAsync($"/api/cases/{id}/deadline-extensions", body);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Request_To2999_422_AndYear9999_400_NothingChanged(string provider)
    {
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var id = await PreliminaryCheckAsync(api, "chongchuan");

        await RefusedAsync(api, id, LawEnforcement, $"/api/cases/{id}/deadline-extensions", new { deadline = Deadline, lastDay = "2999-12-31", reason = "r" }, HttpStatusCode.UnprocessableEntity);
        await RefusedAsync(api, id, LawEnforcement, $"/api/cases/{id}/deadline-extensions", new { deadline = Deadline, lastDay = "9999-12-31", reason = "r" }, HttpStatusCode.BadRequest);
        using var withinAYear = await api.As(LawEnforcement).PostAsJsonAsync($"/api/cases/{id}/deadline-extensions", new { deadline = Deadline, lastDay = "2027-03-31", reason = "r" });
        Assert.Equal(HttpStatusCode.OK, withinAYear.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Approve_OnlyByAnApprovingRoleWithinItsCases_OthersGet403_NothingChanged(string provider)
    {
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var id = await PreliminaryCheckAsync(api, "chongchuan");
        using (var requested = await api.As(LawEnforcement).PostAsJsonAsync($"/api/cases/{id}/deadline-extensions", new { deadline = Deadline, period = "15d", reason = "r" }))
        {
            Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        }

        foreach (var key in new[] { LawEnforcement, Hotline, Court })
        {
            await RefusedAsync(api, id, key, $"/api/cases/{id}/deadline-extensions/approval", new { deadline = Deadline }, HttpStatusCode.Forbidden);
        }

        foreach (var key in new[] { Obligor, Admin, HaimenRightsHolder })
        {
            await RefusedAsync(api, id, key, $"/api/cases/{id}/deadline-extensions/approval", new { deadline = Deadline }, HttpStatusCode.NotFound);
        }

        using var approved = await api.As(CityRightsHolder).PostAsJsonAsync($"/api/cases/{id}/deadline-extensions/approval", new { deadline = Deadline });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    private static async Task<string> PreliminaryCheckAsync(CaseClient api, string jurisdiction)
    {
        var id = (await api.RegisterClueAsync(jurisdiction: jurisdiction)).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        return id;
    }

    private static async Task RefusedAsync(CaseClient api, string id, string key, string path, object body, HttpStatusCode expected)
    {
        var before = await api.GetAsync(id);
        using var response = await api.As(key).PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{key} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await api.GetAsync(id);
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(before.GetProperty("deadlines").ToString(), after.GetProperty("deadlines").ToString());
    }
}
