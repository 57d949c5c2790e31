using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookRequests;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookServer;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>Clues posted by embedding systems, authenticated by their Standard Webhooks signature.</summary>
public sealed class InboundClueHooksTests(HookServers servers) : IClassFixture<HookServers>
{
    private const string Unauthorized = "https://tools.ietf.org/html/rfc9110#section-15.5.2";

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task PostClue_ValidSignature_StartsCaseAsTheSystem(string provider)
    {
        var server = await servers.GetAsync(provider);
        using var response = await server.PostSignedAsync("/api/hooks/hotline/clues", HotlineSecret, Clue(channel: "complaintOrReport"));

        var view = await Body(response, HttpStatusCode.Created);
        var id = view.GetProperty("id").GetString()!;
        Assert.Equal($"/api/cases/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(["ClueScreening"], States(view));
        Assert.Equal("complaintOrReport", view.GetProperty("data").GetProperty("channel").GetString());
        var started = Assert.Single((await server.Api.AuditAsync(id)).EnumerateArray());
        Assert.Equal("12345-hotline-hooks", started.GetProperty("actorId").GetString());
        Assert.Equal("handlingDepartment", started.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("suddenIncident")]
    [InlineData("inspectionFinding")]
    [InlineData("administrativePenalty")]
    [InlineData("suspectedCrime")]
    [InlineData("keyZoneIncident")]
    [InlineData("routineSupervision")]
    [InlineData("complaintOrReport")]
    [InlineData("assignedBySuperior")]
    [InlineData("procuratorateTransfer")]
    [InlineData("other")]
    public async Task PostClue_AnyOfTheTenChannels_Registered(string channel)
    {
        var server = await servers.GetAsync();
        using var response = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(channel: channel));

        Assert.Equal(channel, (await Body(response, HttpStatusCode.Created)).GetProperty("data").GetProperty("channel").GetString());
    }

    /// <summary>Name and how the request is spoiled after signing.</summary>
    public static TheoryData<string, string> Spoiled => new()
    {
        { "tampered body", "body" },
        { "tampered signature", "signature" },
        { "signed with another secret", "secret" },
        { "timestamp six minutes old", "old" },
        { "timestamp six minutes ahead", "future" },
        { "timestamp not a number", "timestamp" },
        { "id changed after signing", "id" },
        { "no signature header", "no-signature" },
        { "no id header", "no-id" },
        { "no timestamp header", "no-timestamp" },
        { "another system's path", "system" },
        { "unknown system", "unknown" },
    };

    [Theory]
    [MemberData(nameof(Spoiled))]
    public async Task PostClue_UnverifiedSignature_401AndNoCase(string name, string spoil)
    {
        var server = await servers.GetAsync();
        var caseId = "hook-" + Guid.NewGuid().ToString("N");
        var path = spoil switch { "system" => "/api/hooks/court/clues", "unknown" => "/api/hooks/nobody/clues", _ => "/api/hooks/lawEnforcement/clues" };
        var secret = spoil == "secret" ? StandardWebhookSignature.NewSecret() : LawEnforcementSecret;
        var timestamp = spoil switch { "old" => server.Now - 360, "future" => server.Now + 360, _ => server.Now };

        using var response = await server.PostSignedAsync(path, secret, Clue(caseId: caseId), timestamp: timestamp, tamper: request =>
        {
            switch (spoil)
            {
                case "body":
                    request.Content = new StringContent(Clue(caseId: caseId, description: "篡改"), System.Text.Encoding.UTF8, "application/json");
                    break;
                case "signature":
                    var signature = request.Headers.GetValues(StandardWebhookSignature.SignatureHeader).Single();
                    request.Headers.Remove(StandardWebhookSignature.SignatureHeader);
                    request.Headers.Add(StandardWebhookSignature.SignatureHeader, signature[..^5] + (signature[^5] == 'A' ? 'B' : 'A') + signature[^4..]);
                    break;
                case "timestamp":
                    Replace(request, StandardWebhookSignature.TimestampHeader, "soon");
                    break;
                case "id":
                    Replace(request, StandardWebhookSignature.IdHeader, "msg_other");
                    break;
                case "no-signature":
                    request.Headers.Remove(StandardWebhookSignature.SignatureHeader);
                    break;
                case "no-id":
                    request.Headers.Remove(StandardWebhookSignature.IdHeader);
                    break;
                case "no-timestamp":
                    request.Headers.Remove(StandardWebhookSignature.TimestampHeader);
                    break;
            }
        });

        var problem = await Body(response, HttpStatusCode.Unauthorized);
        Assert.True(problem.GetProperty("type").GetString() == Unauthorized, name);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), name);
        using var read = await server.Api.As(CaseClient.LawEnforcement).GetAsync($"/api/cases/{caseId}");
        Assert.True(read.StatusCode == HttpStatusCode.NotFound, name);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task PostClue_RetriedWebhookId_SameResultAndOneCase(string provider)
    {
        var server = await servers.GetAsync(provider);
        var reference = "retry-" + Guid.NewGuid().ToString("N");
        var body = Clue(sourceReference: reference);

        using var first = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, body, id: "msg_retry_1");
        server.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        using var retry = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, body, id: "msg_retry_1");

        var firstView = await Body(first, HttpStatusCode.Created);
        var retryView = await Body(retry, HttpStatusCode.Created);
        Assert.Equal(firstView.GetProperty("id").GetString(), retryView.GetProperty("id").GetString());
        Assert.Equal(1, retryView.GetProperty("version").GetInt64());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var clues = await server.Api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/clues?q={reference}");
        Assert.Equal(1, clues.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task PostClue_SameWebhookIdConcurrently_OneCaseEveryAnswerTheSame(string provider)
    {
        var server = await servers.GetAsync(provider);
        var reference = "race-" + Guid.NewGuid().ToString("N");
        var id = "msg_" + reference;

        // Six deliveries of one message, each signed again (its own timestamp), racing.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(sourceReference: reference), id: id, timestamp: server.Now - i)));

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in responses)
        {
            ids.Add((await Body(response, HttpStatusCode.Created)).GetProperty("id").GetString()!);
            response.Dispose();
        }

        Assert.Single(ids);
        var clues = await server.Api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/clues?q={reference}");
        Assert.Equal(1, clues.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task PostClue_SameWebhookIdOtherBody_409AndNoCase(string provider)
    {
        var server = await servers.GetAsync(provider);
        var reference = "reuse-" + Guid.NewGuid().ToString("N");
        using var first = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(), id: "msg_reused");
        using var reused = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(sourceReference: reference), id: "msg_reused", timestamp: server.Now - 1);

        await Body(first, HttpStatusCode.Created);
        Assert.Equal("Idempotency Key Reused", (await Body(reused, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var clues = await server.Api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/clues?q={reference}");
        Assert.Equal(0, clues.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PostClue_RetryWithSystemNameInOtherCase_SameCase()
    {
        var server = await servers.GetAsync();
        var id = "msg_" + Guid.NewGuid().ToString("N");

        using var first = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(), id: id);
        using var retry = await server.PostSignedAsync("/api/hooks/LAWENFORCEMENT/clues", LawEnforcementSecret, Clue(), id: id, timestamp: server.Now - 1);

        Assert.Equal((await Body(first, HttpStatusCode.Created)).GetProperty("id").GetString(), (await Body(retry, HttpStatusCode.Created)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostClue_IdempotencyKeyHeader_TakesPrecedenceOverWebhookId()
    {
        var server = await servers.GetAsync();
        var key = "clue-" + Guid.NewGuid().ToString("N");
        using var first = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(), idempotencyKey: key);
        using var second = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(), idempotencyKey: key);

        Assert.Equal((await Body(first, HttpStatusCode.Created)).GetProperty("id").GetString(), (await Body(second, HttpStatusCode.Created)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostClue_SameWebhookIdFromTwoSystems_TwoCases()
    {
        var server = await servers.GetAsync();
        using var fromLaw = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(), id: "msg_shared");
        using var fromHotline = await server.PostSignedAsync("/api/hooks/hotline/clues", HotlineSecret, Clue(), id: "msg_shared");

        Assert.NotEqual((await Body(fromLaw, HttpStatusCode.Created)).GetProperty("id").GetString(), (await Body(fromHotline, HttpStatusCode.Created)).GetProperty("id").GetString());
    }

    /// <summary>Name, body, content type, status, the field named (in <c>errors</c> for 400, a refusal's subject for 422).</summary>
    public static TheoryData<string, string, string, int, string> BadClues => new()
    {
        { "not JSON", "{\"channel\": ", "application/json", 400, "channel" },
        { "not JSON at all", "channel=other", "application/json", 400, "body" },
        { "not an object", "[1, 2]", "application/json", 400, "body" },
        { "channel of wrong type", "{\"channel\": 5, \"domain\": \"environmentalPollution\", \"jurisdiction\": \"chongchuan\"}", "application/json", 400, "channel" },
        { "unknown member", "{\"chanel\": \"other\", \"domain\": \"environmentalPollution\", \"jurisdiction\": \"chongchuan\"}", "application/json", 400, "chanel" },
        { "bad case id", "{\"channel\": \"other\", \"domain\": \"environmentalPollution\", \"jurisdiction\": \"chongchuan\", \"caseId\": \"a b\"}", "application/json", 400, "caseId" },
        { "channel missing", "{\"domain\": \"environmentalPollution\", \"jurisdiction\": \"chongchuan\"}", "application/json", 422, "channel" },
        { "channel unknown", "{\"channel\": \"rumour\", \"domain\": \"environmentalPollution\", \"jurisdiction\": \"chongchuan\"}", "application/json", 422, "channel" },
        { "empty body", "", "application/json", 422, "channel" },
        { "not JSON content", "channel=other", "text/plain", 415, "" },
    };

    [Theory]
    [MemberData(nameof(BadClues))]
    public async Task PostClue_PayloadDoesNotFit_ProblemNamingTheField(string name, string body, string contentType, int status, string field)
    {
        var server = await servers.GetAsync();
        using var response = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, body, contentType: contentType);

        var problem = await Body(response, (HttpStatusCode)status);
        Assert.True(problem.TryGetProperty("type", out _), name);
        switch (status)
        {
            case 400:
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{name}: {problem}");
                break;
            case 422:
                Assert.True(problem.GetProperty("refusals").EnumerateArray().Any(r => r.GetProperty("subject").GetString() == field), $"{name}: {problem}");
                break;
        }
    }

    [Fact]
    public async Task PostClue_OverlongWebhookId_400()
    {
        var server = await servers.GetAsync();
        using var response = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(), id: new string('m', 201));

        Assert.Contains("webhook-id", (await Body(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostClue_OversizedBody_413()
    {
        var server = await servers.GetAsync();
        var body = Clue(description: new string('x', 300_000));

        using var response = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, body);

        await Body(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.Add(header, value);
    }
}
