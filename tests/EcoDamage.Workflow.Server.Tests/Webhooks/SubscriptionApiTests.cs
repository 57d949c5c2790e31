using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.Storage.Entities.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>The subscriptions API: its life cycle, every bad input as ProblemDetails, and the refusal of private targets (SSRF).</summary>
public sealed class SubscriptionApiTests : IClassFixture<SubscriptionApiTests.Hosts>
{
    private readonly Hosts _hosts;

    public SubscriptionApiTests(Hosts hosts) => _hosts = hosts;

    public static TheoryData<string, string, int, string?> BadInputs => new()
    {
        { "POST", """{"eventTypes":["*"]}""", 400, "url" },
        { "POST", """{"url":"ftp://example.com/x","eventTypes":["*"]}""", 400, "url" },
        { "POST", """{"url":"/relative","eventTypes":["*"]}""", 400, "url" },
        { "POST", """{"url":"https://user:pw@example.com/x","eventTypes":["*"]}""", 400, "url" },
        { "POST", """{"url":"https://example.com/x"}""", 400, "eventTypes" },
        { "POST", """{"url":"https://example.com/x","eventTypes":[]}""", 400, "eventTypes" },
        { "POST", """{"url":"https://example.com/x","eventTypes":["case.nope.*"]}""", 400, "eventTypes" },
        { "POST", """{"url":"https://example.com/x","eventTypes":["payments.*"]}""", 400, "eventTypes" },
        { "POST", """{"url":"https://example.com/x","eventTypes":["*"],"secret":"not-a-secret"}""", 400, "secret" },
        { "POST", """{"url":"https://example.com/x","eventTypes":["*"],"secret":"whsec_c2hvcnQ="}""", 400, "secret" },
        { "POST", """{"url":"https://example.com/x","eventTypes":["*"],"filter":{"department":""}}""", 400, "department" },
        { "POST", """{"url":"https://example.com/x","eventTypes":["*"],"unknown":1}""", 400, null },
        { "POST", """{"url":""", 400, null },
        { "POST", """[]""", 400, null },
        { "PUT", """{"url":"https://example.com/x","eventTypes":["*"]}""", 404, null },
        { "PUT", """{"url":"notaurl","eventTypes":["*"]}""", 404, null },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_ProblemDetailsNamingTheField_NothingStored(string method, string json, int status, string? field)
    {
        var client = new CaseClient(_hosts.Public).As(LawEnforcement);
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/webhooks/subscriptions")).GetArrayLength();
        var uri = method == "POST" ? "/api/webhooks/subscriptions" : $"/api/webhooks/subscriptions/{Guid.NewGuid()}";
        using var request = new HttpRequestMessage(new HttpMethod(method), uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
        }

        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/webhooks/subscriptions")).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/webhooks/subscriptions/not-a-guid")]
    [InlineData("/api/webhooks/subscriptions/0196d1a2-0000-7000-8000-000000000000")]
    [InlineData("/api/webhooks/deliveries/0196d1a2-0000-7000-8000-000000000000")]
    [InlineData("/api/webhooks/subscriptions/0196d1a2-0000-7000-8000-000000000000/deliveries")]
    public async Task UnknownIds_404ProblemDetails(string path)
    {
        using var response = await new CaseClient(_hosts.Public).As(LawEnforcement).GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NoCaller_401()
    {
        using var response = await new CaseClient(_hosts.Public).As(null).GetAsync("/api/webhooks/subscriptions");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    public async Task PrivateTarget_RefusedWhenSubscribing(string url)
    {
        var client = new CaseClient(_hosts.Public).As(LawEnforcement);
        using var response = await client.PostAsJsonAsync("/api/webhooks/subscriptions", new { url, eventTypes = new[] { "*" } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("private", JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Fact]
    public async Task PrivateTarget_StoredAnyway_RefusedAtConnectTime_NothingReachesTheReceiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var factory = _hosts.Public;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As if DNS had answered a public address when subscribing and a loopback one now (rebinding).
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            db.Set<WebhookSubscriptionRow>().Add(new WebhookSubscriptionRow
            {
                Id = Guid.NewGuid(), Url = receiver.Url, EventTypes = "clue.registered", Secret = Messaging.Webhooks.StandardWebhookSignature.NewSecret(),
                Status = "Active", CreatedBy = "law-enforcement-system", Jurisdiction = "haimen", Scope = "{}",
            });
            await db.SaveChangesAsync();
        }

        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync(jurisdiction: "haimen")).GetProperty("id").GetString()!;
        var client = api.As(LawEnforcement);
        JsonElement attempt = default;
        await HookHosts.WaitUntilAsync(async () =>
        {
            var subs = await client.GetFromJsonAsync<JsonElement>("/api/webhooks/subscriptions");
            var sub = subs.EnumerateArray().Single(s => s.GetProperty("jurisdiction").GetString() == "haimen");
            var deliveries = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{sub.GetProperty("id").GetString()}/deliveries");
            var delivery = deliveries.EnumerateArray().SingleOrDefault(d => d.GetProperty("caseId").GetString() == id);
            if (delivery.ValueKind != JsonValueKind.Object || delivery.GetProperty("attemptCount").GetInt32() == 0)
            {
                return false;
            }

            attempt = (await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/deliveries/{delivery.GetProperty("id").GetString()}")).GetProperty("attempts")[0];
            return true;
        }, "a refused attempt");
        Assert.False(attempt.GetProperty("succeeded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
        Assert.Contains("refused", attempt.GetProperty("excerpt").GetString());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Lifecycle_CreateReadUpdatePauseResumeDelete_SecretShownOnlyOnCreation()
    {
        var client = new CaseClient(_hosts.Loopback).As(LawEnforcement);
        using var created = await client.PostAsJsonAsync("/api/webhooks/subscriptions",
            new { url = "http://127.0.0.1:9/a", eventTypes = new[] { "case.*" }, filter = new { jurisdiction = "chongchuan", definition = "claim" }, description = "法院系统" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetString();
        Assert.StartsWith("whsec_", view.GetProperty("secret").GetString());
        Assert.Equal($"/api/webhooks/subscriptions/{id}", created.Headers.Location?.OriginalString);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{id}");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("secret").ValueKind);
        Assert.Equal("chongchuan", read.GetProperty("jurisdiction").GetString());

        using var updated = await client.PutAsJsonAsync($"/api/webhooks/subscriptions/{id}", new { url = "http://127.0.0.1:9/b", eventTypes = new[] { "case.opened", "clue.*" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["case.opened", "clue.*"], after.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("secret").ValueKind);

        Assert.Equal("Paused", (await (await client.PostAsync($"/api/webhooks/subscriptions/{id}/pause", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("Active", (await (await client.PostAsync($"/api/webhooks/subscriptions/{id}/resume", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var badRange = await client.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/replay", new { from = "2026-03-02T00:00:00Z", to = "2026-03-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
        using var range = await client.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/replay", new { from = "2026-03-01T00:00:00Z", to = "2026-03-02T00:00:00Z" });
        Assert.Equal(HttpStatusCode.Accepted, range.StatusCode);
        using var badStatus = await client.GetAsync($"/api/webhooks/subscriptions/{id}/deliveries?status=Lost");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/webhooks/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/webhooks/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/webhooks/subscriptions/{id}")).StatusCode);
    }

    /// <summary>One host that refuses private targets (the product default) and one that allows loopback (as the other tests do).</summary>
    public sealed class Hosts : IDisposable
    {
        public ServerFactory Public { get; } = HookHosts.Create(allowPrivate: false);

        public ServerFactory Loopback { get; } = HookHosts.Create();

        public void Dispose()
        {
            Public.Dispose();
            Loopback.Dispose();
        }
    }
}
