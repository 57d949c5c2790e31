using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>Bad requests to the case API: each answered with its status and ProblemDetails type, none changing stored data.</summary>
public sealed class MalformedCaseRequestTests(CaseServers servers) : IClassFixture<CaseServers>
{
    private const string BadRequest = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
    private const string Unauthorized = "https://tools.ietf.org/html/rfc9110#section-15.5.2";
    private const string NotFound = "https://tools.ietf.org/html/rfc9110#section-15.5.5";
    private const string Conflict = "https://tools.ietf.org/html/rfc9110#section-15.5.10";
    private const string TooLarge = "https://tools.ietf.org/html/rfc9110#section-15.5.14";
    private const string Unprocessable = "https://tools.ietf.org/html/rfc9110#section-15.5.21";

    /// <summary>Name, key, trigger, body, If-Match, Idempotency-Key, status, type.</summary>
    public static TheoryData<string, string?, string, string, string?, string?, int, string> Requests => new()
    {
        { "bad JSON", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {", null, null, 400, BadRequest },
        { "not an object", LawEnforcement, "StartPreliminaryCheck", "[1,2]", null, null, 400, BadRequest },
        { "data of wrong type", LawEnforcement, "StartPreliminaryCheck", "{\"data\": 5}", null, null, 400, BadRequest },
        { "data value an object", LawEnforcement, "OpenCase", "{\"data\": {\"damageFound\": {\"x\": 1}}}", null, null, 400, BadRequest },
        { "records nested in a record", LawEnforcement, "OpenCase", "{\"data\": {\"ledger\": [{\"amount\": [1]}]}}", null, null, 400, BadRequest },
        { "list of scalars", LawEnforcement, "OpenCase", "{\"data\": {\"ledger\": [1, 2]}}", null, null, 400, BadRequest },
        { "records for a single-value field", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {\"description\": [{\"x\": 1}]}}", null, null, 422, Unprocessable },
        { "unknown member", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {}, \"extra\": 1}", null, null, 400, BadRequest },
        { "unknown data field", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {\"nope\": 1}}", null, null, 422, Unprocessable },
        { "wrong value type", LawEnforcement, "DismissClue", "{\"data\": {\"description\": 12}}", null, null, 422, Unprocessable },
        { "role not allowed", Court, "StartPreliminaryCheck", "{\"data\": {}}", null, null, 422, Unprocessable },
        { "missing document", LawEnforcement, "Refer", "{\"data\": {\"referredTo\": \"waterBureau\", \"referralReason\": \"职责\"}}", null, null, 422, Unprocessable },
        { "not permitted in state", LawEnforcement, "OpenCase", "{\"data\": {\"damageFound\": true}}", null, null, 409, Conflict },
        { "unknown trigger", LawEnforcement, "Nope", "{\"data\": {}}", null, null, 404, NotFound },
        { "missing key", null, "StartPreliminaryCheck", "{\"data\": {}}", null, null, 401, Unauthorized },
        { "unknown key", "not-a-key", "StartPreliminaryCheck", "{\"data\": {}}", null, null, 401, Unauthorized },
        { "oversized body", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {\"description\": \"" + new string('x', 300_000) + "\"}}", null, null, 413, TooLarge },
        { "bad If-Match", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {}}", "abc", null, 400, BadRequest },
        { "stale If-Match", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {}}", "\"99\"", null, 409, Conflict },
        { "idempotency key too long", LawEnforcement, "StartPreliminaryCheck", "{\"data\": {}}", null, new string('k', 201), 400, BadRequest },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task FireTrigger_Malformed_ProblemAndNothingStored(string name, string? key, string trigger, string body, string? ifMatch, string? idempotencyKey, int status, string type)
    {
        foreach (var provider in CaseDatabases.Names)
        {
            var api = new CaseClient(await servers.GetAsync(provider));
            var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
            var before = (await api.GetAsync(id)).ToString();
            var auditBefore = (await api.AuditAsync(id)).GetArrayLength();

            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/triggers/{trigger}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            if (idempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
            }

            using var response = await api.As(key).SendAsync(request);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == (int)response.StatusCode, $"{name} on {provider}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(type, JsonDocument.Parse(text).RootElement.GetProperty("type").GetString());
            Assert.Equal(before, (await api.GetAsync(id)).ToString());
            Assert.Equal(auditBefore, (await api.AuditAsync(id)).GetArrayLength());
        }
    }

    [Fact]
    public async Task FireTrigger_Refused_ListsEachRefusal()
    {
        var api = new CaseClient(await servers.GetAsync("Sqlite"));
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;

        using var response = await api.As(LawEnforcement).PostAsJsonAsync($"/api/cases/{id}/triggers/Refer", new { data = new { } });

        var refusals = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusals").EnumerateArray()
            .Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("subject").GetString())).ToArray();
        Assert.Contains(("MissingData", "referredTo"), refusals);
        Assert.Contains(("MissingData", "referralReason"), refusals);
        Assert.Contains(("MissingDocument", "referralLetter"), refusals);
    }

    [Fact]
    public async Task UnknownCase_404Everywhere()
    {
        var api = new CaseClient(await servers.GetAsync("Sqlite"));
        var client = api.As(LawEnforcement);

        Assert.Equal(404, (int)(await client.GetAsync("/api/cases/nope")).StatusCode);
        Assert.Equal(404, (int)(await client.PostAsJsonAsync("/api/cases/nope/triggers/StartPreliminaryCheck", new { data = new { } })).StatusCode);
        Assert.Equal(404, (int)(await client.PostAsJsonAsync("/api/cases/nope/participants", new { name = "张三", role = "expert" })).StatusCode);
        Assert.Equal(404, (int)(await api.PostDocumentAsync(LawEnforcement, "nope", "referralLetter", "2026-03-02", "%PDF-1.7"u8.ToArray())).StatusCode);
    }
}
