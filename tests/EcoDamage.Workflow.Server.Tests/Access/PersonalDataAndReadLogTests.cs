using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Access.AccessKeys;

namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>Issue 13: personal data masked for roles that do not need it; every read of a case recorded, readable by oversight.</summary>
public sealed class PersonalDataAndReadLogTests(AccessServers servers) : IClassFixture<AccessServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CaseView_RoleWithoutPersonalData_SeesTheInformantMaskedInViewAndAudit(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var (status, body) = await api.PostAsync(ChongchuanEcology, "/api/clues", new
        {
            channel = "complaintOrReport", domain = "environmentalPollution", jurisdiction = "chongchuan",
            description = "群众举报夜间偷排", informantName = "张三", informantContact = "13800000000",
        });
        Assert.True(status == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

        var handler = JsonDocument.Parse((await api.GetAsync(ChongchuanEcology, $"/api/cases/{id}")).Body).RootElement.GetProperty("data");
        var officer = JsonDocument.Parse((await api.GetAsync(InformationOfficer, $"/api/cases/{id}")).Body).RootElement.GetProperty("data");
        var officerAudit = (await api.GetAsync(InformationOfficer, $"/api/cases/{id}/audit")).Body;

        Assert.Equal("张三", handler.GetProperty("informantName").GetString());
        Assert.Equal("***", officer.GetProperty("informantName").GetString());
        Assert.Equal("***", officer.GetProperty("informantContact").GetString());
        Assert.Equal("群众举报夜间偷排", officer.GetProperty("description").GetString());
        Assert.DoesNotContain("张三", officerAudit, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", officerAudit, StringComparison.Ordinal);
        Assert.Contains("张三", (await api.GetAsync(Auditor, $"/api/cases/{id}/audit")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Reads_EveryReadRecorded_ReadableByAuditorAndAdministratorOnly(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var id = await api.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(ChongchuanEcology, $"/api/cases/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(ChongchuanEcology, $"/api/cases/{id}/audit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(TongzhouEcology, $"/api/cases/{id}")).Status);

        // Written off the request path in batches: wait for the flusher.
        JsonElement reads = default;
        for (var i = 0; i < 100; i++)
        {
            using var auditor = api.Cases.As(Auditor);
            reads = await auditor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/reads");
            if (reads.EnumerateArray().Count(r => r.GetProperty("subject").GetString() == $"{ChongchuanEcology}-system") >= 2)
            {
                break;
            }

            await Task.Delay(50);
        }

        var mine = reads.EnumerateArray().Where(r => r.GetProperty("subject").GetString() == $"{ChongchuanEcology}-system").ToArray();
        Assert.Equal(["audit", "case"], mine.Select(r => r.GetProperty("what").GetString()).Order(StringComparer.Ordinal));
        Assert.All(mine, r => Assert.Equal("handlingDepartment", r.GetProperty("role").GetString()));
        Assert.DoesNotContain(reads.EnumerateArray(), r => r.GetProperty("subject").GetString() == $"{TongzhouEcology}-system");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Administrator, $"/api/cases/{id}/reads")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(ChongchuanEcology, $"/api/cases/{id}/reads")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(Auditor, "/api/cases/no-such-case/reads")).Status);
    }
}
