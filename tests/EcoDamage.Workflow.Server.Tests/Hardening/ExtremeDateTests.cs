using System.Net.Http.Json;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>Regression (issue 13: "a last day in year 9999" answered 500): extreme dates and periods are answered, never a 5xx.</summary>
public sealed class ExtremeDateTests(CaseServers servers) : IClassFixture<CaseServers>
{
    public static TheoryData<string, string?, string?> Extensions => new()
    {
        { "Sqlite", null, "9999-12-31" },
        { "Sqlite", null, "0001-01-01" },
        { "Sqlite", "99999999d", null },
        { "Sqlite", "9999y", null },
    };

    [Theory]
    [MemberData(nameof(Extensions))]
    public async Task RequestExtension_ExtremeLastDayOrPeriod_NoServerError(string provider, string? period, string? lastDay)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.FireAsync(CaseClient.LawEnforcement, id, "StartPreliminaryCheck");

        using var response = await api.As(CaseClient.LawEnforcement).PostAsJsonAsync(
            $"/api/cases/{id}/deadline-extensions",
            new { deadline = "preliminaryCheck", period, lastDay, reason = "延期测试" });

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if ((int)response.StatusCode >= 400)
        {
            await ProblemAssert.IsAsync(response, (int)response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task AttachDocument_ServedInYear9999Or0001_NoServerError(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        foreach (var served in new[] { "9999-12-31", "0001-01-01" })
        {
            using var response = await api.PostDocumentAsync(CaseClient.LawEnforcement, id, "preliminaryCheckReport", served, "%PDF-1.7 extreme"u8.ToArray());
            Assert.True((int)response.StatusCode < 500, $"{served}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
