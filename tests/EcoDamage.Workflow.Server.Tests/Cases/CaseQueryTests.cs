using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>Listing and searching, referral, participants and document uploads.</summary>
public sealed class CaseQueryTests(CaseServers servers) : IClassFixture<CaseServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ListCases_Filters_ByJurisdictionChannelStateAndDeadlines(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var zone = "rudong"; // jurisdictions are reference ids (R4); no other test of this class uses this one
        var a = (await api.RegisterClueAsync(zone, "suddenIncident", "河道油污")).GetProperty("id").GetString()!;
        var b = (await api.RegisterClueAsync(zone, "complaintOrReport", "噪声投诉")).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, b, "StartPreliminaryCheck");
        var client = api.As(LawEnforcement);

        Assert.Equal(new[] { a, b }.Order(), Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={zone}")).Order());
        Assert.Equal([b], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={zone}&state=PreliminaryCheck")));
        Assert.Equal([a], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={zone}&channel=suddenIncident")));
        Assert.Equal([b], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={zone}&dueWithinDays=40")));
        Assert.Empty(Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={zone}&overdue=true")));
        var department = (await api.GetAsync(b)).GetProperty("data").GetProperty("routedDepartment").GetString();
        Assert.Contains(b, Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?department={Uri.EscapeDataString(department!)}&pageSize=100")));
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={zone}&page=2&pageSize=1");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());

        // Two months on, the preliminary check (30 days) is overdue.
        factory.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal([b], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?jurisdiction={zone}&overdue=true")));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases?pageSize=1000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases?page=0")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Clues_SearchAndReferral_CopyToProcuratorateInOutbox(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var marker = "排污口-" + Guid.NewGuid().ToString("N")[..6];
        var id = (await api.RegisterClueAsync("tongzhou", "suddenIncident", $"发现{marker}")).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);

        Assert.Equal([id], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/clues?q={Uri.EscapeDataString(marker)}&domain=environmentalPollution")));
        Assert.Empty(Ids(await client.GetFromJsonAsync<JsonElement>($"/api/clues?q={Uri.EscapeDataString(marker)}&domain=landResources")));

        await api.AttachAsync(id, "referralLetter");
        using var referral = await client.PostAsJsonAsync($"/api/clues/{id}/referral", new { referredTo = "waterBureau", referralReason = "属水利部门职责" });
        Assert.Equal(HttpStatusCode.OK, referral.StatusCode);
        var view = await referral.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Referred", view.GetProperty("states")[0].GetString());
        Assert.Equal([id], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/cases?department={Uri.EscapeDataString("waterBureau")}&jurisdiction=tongzhou")));
        Assert.Equal([id], Ids(await client.GetFromJsonAsync<JsonElement>($"/api/clues?q={Uri.EscapeDataString(marker)}")));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Participants_RecordedWithActor_ShownInCaseView(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;

        using var created = await api.As(Procuratorate).PostAsJsonAsync($"/api/cases/{id}/participants", new { name = "李四", role = "expert", organisation = "南通大学" });
        using var invalid = await api.As(Procuratorate).PostAsJsonAsync($"/api/cases/{id}/participants", new { name = "", role = "expert" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var participant = Assert.Single((await api.GetAsync(id)).GetProperty("participants").EnumerateArray());
        Assert.Equal(("李四", "expert", "南通大学", "procuratorate-system"),
            (participant.GetProperty("name").GetString(), participant.GetProperty("role").GetString(),
             participant.GetProperty("organisation").GetString(), participant.GetProperty("addedBy").GetString()));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task AttachDocument_StoredBySha256_TooLargeAndBadDate_Rejected(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var content = "初步核查报告"u8.ToArray();

        using var ok = await api.PostDocumentAsync(LawEnforcement, id, "preliminaryCheckReport", "2026-03-02", content);
        using var badDate = await api.PostDocumentAsync(LawEnforcement, id, "preliminaryCheckReport", "02/03/2026", content);
        using var tooLarge = await api.PostDocumentAsync(LawEnforcement, id, "preliminaryCheckReport", "2026-03-02", new byte[4 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var document = Assert.Single((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents").EnumerateArray());
        Assert.Equal($"sha256:{sha}", document.GetProperty("reference").GetString());
        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "documents", sha[..2], sha + ".bin")));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(2, (await api.GetAsync(id)).GetProperty("version").GetInt64());
    }

    private static string[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
}
