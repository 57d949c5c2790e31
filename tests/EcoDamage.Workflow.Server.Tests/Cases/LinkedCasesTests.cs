using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>
/// Linked cases through the API (issue 12, "Linked cases"): one clue split into a case per obligor (赔偿义务人, DOMAIN
/// "Obligor"; each obligor is consulted on its own, seed line 37), a supplementary claim for newly found damage, each link
/// visible from either side, audit chains intact, an idempotent retry writing nothing twice.
/// </summary>
public sealed class LinkedCasesTests(CaseServers servers) : IClassFixture<CaseServers>
{
    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static (string CaseId, string Kind)[] Links(JsonElement view) =>
        view.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("caseId").GetString()!, l.GetProperty("kind").GetString()!)).OrderBy(l => l.Item1).ToArray();

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Split_ClueIntoACasePerObligor_LinkedBothWaysAuditIntactRetryWritesNothing(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var original = await api.RegisterClueAsync();
        var id = original.GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);
        var body = new { obligors = new object[] { new { name = "甲化工有限公司", organisation = "甲化工", caseId = $"{id}-a" }, new { name = "乙印染厂" } } };

        var first = await PostAsync(client, $"/api/cases/{id}/split", body, $"split-{id}");
        var retry = await PostAsync(client, $"/api/cases/{id}/split", body, $"split-{id}");

        Assert.True(first.Status == HttpStatusCode.Created, first.Body);
        Assert.Equal(first, retry);
        var split = JsonDocument.Parse(first.Body).RootElement;
        var made = split.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!).ToArray();
        Assert.Equal(2, made.Length);
        Assert.Equal($"{id}-a", made[0]);
        Assert.Equal(made.Order().Select(m => (m, "splitInto")), Links(split));
        var view = await api.GetAsync(id);
        Assert.Equal(made.Order().Select(m => (m, "splitInto")), Links(view));
        Assert.Equal(2, view.GetProperty("version").GetInt64()); // one version for the split, none for the retry
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/links")).GetArrayLength());
        foreach (var (caseId, obligor) in made.Zip(["甲化工有限公司", "乙印染厂"]))
        {
            var part = await api.GetAsync(caseId);
            Assert.Equal([(id, "splitFrom")], Links(part));
            Assert.Equal(original.GetProperty("definition").GetRawText(), part.GetProperty("definition").GetRawText());
            Assert.Equal(original.GetProperty("data").GetRawText(), part.GetProperty("data").GetRawText());
            var participant = Assert.Single(part.GetProperty("participants").EnumerateArray());
            Assert.Equal((obligor, "obligor"), (participant.GetProperty("name").GetString(), participant.GetProperty("role").GetString()));
            Assert.True((await api.VerifyAsync(caseId)).GetProperty("intact").GetBoolean());
        }

        var audit = (await api.AuditAsync(id)).EnumerateArray().ToArray();
        Assert.Equal(2, audit.Count(e => e.GetProperty("kind").GetString() == "Linked"));
        Assert.True((await api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
        var types = await client.GetFromJsonAsync<JsonElement>("/api/webhooks/event-types");
        Assert.Contains(types.EnumerateArray(), t => t.GetRawText().Contains("\"case.linked\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task SupplementaryClaim_NewlyFoundDamage_NewCaseLinkedToTheOriginalSeenFromBoth(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);

        using var response = await client.PostAsJsonAsync($"/api/cases/{id}/supplementary-claims", new { description = "新发现地下水污染" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var claim = await response.Content.ReadFromJsonAsync<JsonElement>();
        var newId = claim.GetProperty("id").GetString()!;
        Assert.Equal($"/api/cases/{newId}", response.Headers.Location!.OriginalString);
        Assert.Equal([(id, "supplementaryTo")], Links(claim));
        Assert.Equal([(newId, "supplementedBy")], Links(await api.GetAsync(id)));
        var link = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/links")).EnumerateArray());
        Assert.Equal("新发现地下水污染", link.GetProperty("note").GetString());
        Assert.True((await api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
        Assert.True((await api.VerifyAsync(newId)).GetProperty("intact").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Links_BadRequests_ProblemDetailsAndNothingWritten(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var a = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var b = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);

        var linked = await PostAsync(client, $"/api/cases/{b}/links", new { caseId = a, kind = "supplementaryTo" });
        var duplicate = await PostAsync(client, $"/api/cases/{a}/links", new { caseId = b, kind = "supplementedBy" });
        var reversed = await PostAsync(client, $"/api/cases/{a}/links", new { caseId = b, kind = "supplementaryTo" });
        var unknownKind = await PostAsync(client, $"/api/cases/{a}/links", new { caseId = b, kind = "cousin" });
        var unknownTarget = await PostAsync(client, $"/api/cases/{a}/links", new { caseId = "no-such-case", kind = "related" });
        var self = await PostAsync(client, $"/api/cases/{a}/links", new { caseId = a, kind = "related" });
        var splitKind = await PostAsync(client, $"/api/cases/{a}/links", new { caseId = b, kind = "splitFrom" });
        var noObligor = await PostAsync(client, $"/api/cases/{a}/split", new { obligors = Array.Empty<object>() });
        var takenId = await PostAsync(client, $"/api/cases/{a}/split", new { obligors = new object[] { new { name = "甲" }, new { name = "乙", caseId = b } } });
        var unknownCase = await PostAsync(client, "/api/cases/no-such-case/split", new { obligors = new object[] { new { name = "甲" } } });
        var courtSplit = await PostAsync(api.As(Court), $"/api/cases/{a}/split", new { obligors = new object[] { new { name = "甲" } } });
        using var unknownList = await client.GetAsync("/api/cases/no-such-case/links");

        Assert.True(linked.Status == HttpStatusCode.Created, linked.Body);
        Assert.Equal(
            [HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity,
                HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound],
            new[] { duplicate, reversed, unknownKind, unknownTarget, self, splitKind, noObligor, takenId, unknownCase, courtSplit }.Select(r => r.Status).Append(unknownList.StatusCode));
        Assert.Contains("LinkExists", duplicate.Body, StringComparison.Ordinal);
        Assert.Equal([(b, "supplementedBy")], Links(await api.GetAsync(a)));
        Assert.Equal(2, (await api.GetAsync(a)).GetProperty("version").GetInt64());
        Assert.Equal(2, (await api.GetAsync(b)).GetProperty("version").GetInt64());
        Assert.True((await api.VerifyAsync(a)).GetProperty("intact").GetBoolean());
    }
}
