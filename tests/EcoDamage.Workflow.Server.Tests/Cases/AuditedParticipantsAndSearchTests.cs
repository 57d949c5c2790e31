using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>Participants as an audited command, answers built from the command's outcome, the indexed clue search.</summary>
public sealed class AuditedParticipantsAndSearchTests(CaseServers servers) : IClassFixture<CaseServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task AddParticipant_InAuditChain_ChainVerifiesAndRetryChangesNothing(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var client = api.As(Procuratorate);

        async Task<(HttpStatusCode Status, string Body)> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/participants")
            {
                Content = JsonContent.Create(new { name = "王五", role = "publicRepresentative", organisation = "村委会" }),
            };
            request.Headers.Add("Idempotency-Key", $"participant-{id}");
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var first = await SendAsync();
        var retry = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first, retry);
        var audit = (await api.AuditAsync(id)).EnumerateArray().ToArray();
        var added = Assert.Single(audit, e => e.GetProperty("kind").GetString() == "ParticipantAdded");
        Assert.Equal("procuratorate-system", added.GetProperty("actorId").GetString());
        Assert.Contains("王五", added.GetProperty("dataDiff").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(audit[^2].GetProperty("hash").GetString(), added.GetProperty("previousHash").GetString());
        var verified = await api.VerifyAsync(id);
        Assert.True(verified.GetProperty("intact").GetBoolean());
        var view = await api.GetAsync(id);
        Assert.Equal(2, view.GetProperty("version").GetInt64());
        Assert.Equal("王五", Assert.Single(view.GetProperty("participants").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task AddParticipant_StaleIfMatch_Conflict(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/participants")
        {
            Content = JsonContent.Create(new { name = "赵六", role = "expert" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        using var response = await api.As(Procuratorate).SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty((await api.GetAsync(id)).GetProperty("participants").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task FireTrigger_Answer_EqualsFreshRead(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);
        await client.PostAsJsonAsync($"/api/cases/{id}/participants", new { name = "李四", role = "expert" });

        using var fired = await client.PostAsJsonAsync($"/api/cases/{id}/triggers/StartPreliminaryCheck", new { data = new { } });
        using var read = await client.GetAsync($"/api/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, fired.StatusCode);
        Assert.Equal(await read.Content.ReadAsStringAsync(), await fired.Content.ReadAsStringAsync());
        Assert.Equal(read.Headers.ETag, fired.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ClueSearch_TwoAndFourCharacterWords_FoundThroughIndex_AbsentWordMissed(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var zone = "qidong"; // jurisdictions are reference ids (R4); no other test of this class uses this one
        var id = (await api.RegisterClueAsync(zone, "complaintOrReport", "群众举报某印染厂夜间偷排废水")).GetProperty("id").GetString()!;
        var other = (await api.RegisterClueAsync(zone, "complaintOrReport", "废弃矿山未复绿")).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);

        async Task<string[]> SearchAsync(string q) =>
            Ids(await client.GetFromJsonAsync<JsonElement>($"/api/clues?jurisdiction={Uri.EscapeDataString(zone)}&q={Uri.EscapeDataString(q)}"));

        Assert.Equal([id], await SearchAsync("废水"));
        Assert.Equal([id], await SearchAsync("偷排废水"));
        Assert.Equal([other], await SearchAsync("矿山"));
        Assert.Equal(new[] { id, other }.Order(), (await SearchAsync("废")).Order());
        Assert.Empty(await SearchAsync("排污"));
        Assert.Empty(await SearchAsync("废水矿山"));

        // A later trigger that changes the text keeps the index in step (same transaction as the case row).
        await api.AttachAsync(other, "referralLetter");
        await api.FireAsync(LawEnforcement, other, "Refer", new { referredTo = "naturalResourcesBureau", referralReason = "属自然资源部门职责" });
        Assert.Equal([other], await SearchAsync("自然资源"));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ListAndSearch_PercentIsACharacter_NulIsBadRequest(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var zone = "haian"; // jurisdictions are reference ids (R4); no other test of this class uses this one
        var id = (await api.RegisterClueAsync(zone, "complaintOrReport", "超标排放达120%以上")).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);

        Assert.Empty(Ids(await client.GetFromJsonAsync<JsonElement>("/api/cases?department=%25&pageSize=100")));
        Assert.Empty(Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={Uri.EscapeDataString(zone[..3])}%25")));
        Assert.Equal([id], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/clues?jurisdiction={Uri.EscapeDataString(zone)}&q=0%25")));
        Assert.Empty(Ids(await client.GetFromJsonAsync<JsonElement>($"/api/clues?jurisdiction={Uri.EscapeDataString(zone)}&q=%25%25")));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases?department=a%00b")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/clues?q=%E5%BA%9F%00")).StatusCode);
    }

    private static string[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
}
