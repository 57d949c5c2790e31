using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

public sealed class IdempotencyAndAuditTests(CaseServers servers) : IClassFixture<CaseServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task FireTrigger_SameIdempotencyKeyTwice_SameBodyOneAuditEvent(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);

        async Task<(HttpStatusCode, string, string?)> SendAsync(object data)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/triggers/StartPreliminaryCheck") { Content = JsonContent.Create(new { data }) };
            request.Headers.Add("Idempotency-Key", $"check-{id}");
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.ETag?.Tag);
        }

        var first = await SendAsync(new { });
        var second = await SendAsync(new { });
        var other = await SendAsync(new { description = "另一请求" });

        Assert.Equal(HttpStatusCode.OK, first.Item1);
        Assert.Equal(first, second);
        Assert.Equal(HttpStatusCode.Conflict, other.Item1);
        var audit = await api.AuditAsync(id);
        Assert.Single(audit.EnumerateArray(), e => e.GetProperty("trigger").GetString() == "StartPreliminaryCheck");
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task RegisterClue_SameIdempotencyKeyTwice_OneCase(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var client = api.As(LawEnforcement);
        var key = Guid.NewGuid().ToString("N");

        async Task<(HttpStatusCode, string)> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clues")
            {
                Content = JsonContent.Create(new { channel = "complaintOrReport", domain = "environmentalPollution", jurisdiction = "haimen" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var first = await SendAsync();
        Assert.Equal(first, await SendAsync());
        Assert.Equal(HttpStatusCode.Created, first.Item1);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task VerifyAudit_RowEditedInDatabase_BrokenAtThatSequence(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await api.AttachAsync(id, "preliminaryCheckReport");
        Assert.True((await api.VerifyAsync(id)).GetProperty("intact").GetBoolean());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var rows = await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Role\" = 'procuratorate' WHERE \"CaseId\" = {id} AND \"Sequence\" = 2");
            Assert.Equal(1, rows);
        }

        var verify = await api.VerifyAsync(id);
        Assert.False(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verify.GetProperty("firstBroken").GetInt64());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task VerifyAudit_LastEventDeleted_BrokenAfterTheRemainingEvents(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await api.AttachAsync(id, "preliminaryCheckReport");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var rows = await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"CaseId\" = {id} AND \"Sequence\" = 3");
            Assert.Equal(1, rows);
        }

        // The remaining links are sound; only the head recorded on the case row shows the missing event.
        var verify = await api.VerifyAsync(id);
        Assert.False(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(3, verify.GetProperty("firstBroken").GetInt64());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task VerifyAudit_UnknownCase_404(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));

        using var response = await api.As(LawEnforcement).GetAsync("/api/cases/nope/audit/verify");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Object, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }
}
