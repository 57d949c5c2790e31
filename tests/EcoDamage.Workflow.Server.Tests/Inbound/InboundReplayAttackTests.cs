using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Server.Inbound;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookRequests;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookServer;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>
/// Issue 13's inbound-hook holes, each a regression test that fails on the code before the fix: the signature covered
/// only id, timestamp and body, so one captured request, within its five-minute window, created five cases under fresh
/// idempotency keys and was re-aimed at another case and trigger; and a captured message could be delivered again.
/// Now the signature covers method, path and query, Idempotency-Key and body, and each message is accepted once.
/// </summary>
public sealed class InboundReplayAttackTests(HookServers servers) : IClassFixture<HookServers>
{
    private const string Unauthorized = "https://tools.ietf.org/html/rfc9110#section-15.5.2";

    /// <summary>Before: 201 five times, five new cases. Now: 401 each time, the one case the system sent.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CapturedClue_ReplayedUnderFiveFreshIdempotencyKeys_401AndOneCase(string provider)
    {
        var server = await servers.GetAsync(provider);
        var reference = "captured-" + Guid.NewGuid().ToString("N");
        var (id, at) = ("msg_" + reference, server.Now);
        using var sent = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(sourceReference: reference), id: id, timestamp: at);
        await Body(sent, HttpStatusCode.Created);

        for (var i = 0; i < 5; i++)
        {
            var fresh = $"attacker-{i}-{Guid.NewGuid():N}";
            using var replay = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(sourceReference: reference), id: id, timestamp: at,
                tamper: r => r.Headers.Add("Idempotency-Key", fresh));
            Assert.Equal(Unauthorized, (await Body(replay, HttpStatusCode.Unauthorized)).GetProperty("type").GetString());
        }

        Assert.Equal(1, await CluesAsync(server, reference));
    }

    /// <summary>Before: the Idempotency-Key was not signed, so a request signed with one could be sent under another. Now: 401.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task SignedIdempotencyKey_Replaced_401AndNoCase(string provider)
    {
        var server = await servers.GetAsync(provider);
        var reference = "swapped-" + Guid.NewGuid().ToString("N");

        using var response = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(sourceReference: reference), idempotencyKey: "signed-key",
            tamper: r =>
            {
                r.Headers.Remove("Idempotency-Key");
                r.Headers.Add("Idempotency-Key", "other-key-" + Guid.NewGuid().ToString("N"));
            });

        await Body(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await CluesAsync(server, reference));
    }

    /// <summary>Before: an event signed for one case fired on another (the path was not signed). Now: 401, the other case unchanged.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CapturedEvent_ReAimedAtAnotherCase_401AndCaseUnchanged(string provider)
    {
        var server = await servers.GetAsync(provider);
        var aimed = await server.RegisterClueAsync();
        var other = await server.RegisterClueAsync();

        using var response = await server.PostSignedAsync($"/api/hooks/lawEnforcement/cases/{aimed}/events/StartPreliminaryCheck", LawEnforcementSecret, "{\"data\": {}}",
            tamper: r => r.RequestUri = new Uri($"/api/hooks/lawEnforcement/cases/{other}/events/StartPreliminaryCheck", UriKind.Relative));

        await Body(response, HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await server.Api.GetAsync(other)).GetProperty("version").GetInt64());
        Assert.Equal(1, (await server.Api.GetAsync(aimed)).GetProperty("version").GetInt64());
    }

    /// <summary>Before: an event signed for one trigger was sent to another (422 or fired, depending on its data). Now: 401, the case unchanged.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CapturedEvent_ReAimedAtAnotherTrigger_401AndCaseUnchanged(string provider)
    {
        var server = await servers.GetAsync(provider);
        var id = await server.RegisterClueAsync();

        using var response = await server.PostSignedAsync($"/api/hooks/lawEnforcement/cases/{id}/events/StartPreliminaryCheck", LawEnforcementSecret, "{\"data\": {}}",
            tamper: r => r.RequestUri = new Uri($"/api/hooks/lawEnforcement/cases/{id}/events/DismissClue", UriKind.Relative));

        await Body(response, HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await server.Api.GetAsync(id)).GetProperty("version").GetInt64());
    }

    /// <summary>Before: the very same message again answered the first result (and ran again when the first was refused). Now: 409, nothing changed.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CapturedMessage_DeliveredAgain_409AndNothingChanged(string provider)
    {
        var server = await servers.GetAsync(provider);
        var id = await server.RegisterClueAsync();
        var path = $"/api/hooks/lawEnforcement/cases/{id}/events/StartPreliminaryCheck";
        var (messageId, at) = ("msg_" + Guid.NewGuid().ToString("N"), server.Now);
        using var first = await server.PostSignedAsync(path, LawEnforcementSecret, "{\"data\": {}}", id: messageId, timestamp: at);
        await Body(first, HttpStatusCode.OK);
        server.Factory.Clock.Advance(TimeSpan.FromMinutes(4));

        using var replay = await server.PostSignedAsync(path, LawEnforcementSecret, "{\"data\": {}}", id: messageId, timestamp: at);

        Assert.Equal("Replayed Message", (await Body(replay, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal(2, (await server.Api.GetAsync(id)).GetProperty("version").GetInt64());
        Assert.Equal(2, (await server.Api.AuditAsync(id)).GetArrayLength());
    }

    [Fact]
    public async Task QueryString_AddedAfterSigning_401()
    {
        var server = await servers.GetAsync();
        var reference = "query-" + Guid.NewGuid().ToString("N");

        using var response = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(sourceReference: reference),
            tamper: r => r.RequestUri = new Uri("/api/hooks/lawEnforcement/clues?x=1", UriKind.Relative));

        await Body(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await CluesAsync(server, reference));
    }

    [Fact]
    public async Task BodyOnlySignature_StandardWebhooksV1_401NamingTheSignedContent()
    {
        var server = await servers.GetAsync();
        var body = Encoding.UTF8.GetBytes(Clue());
        Assert.True(StandardWebhookSignature.TryDecodeSecret(LawEnforcementSecret, out var key));

        using var response = await server.PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, Clue(), id: "msg_v1", tamper: r =>
        {
            r.Headers.Remove(StandardWebhookSignature.SignatureHeader);
            r.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(key, "msg_v1", server.Now, body));
        });

        Assert.Contains("{METHOD} {path-and-query}", (await Body(response, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The same vector as the sample's signer (tests/EcoDamage.Workflow.Samples.Tests WebhookSignatureTests), so both sides agree.</summary>
    [Fact]
    public void Sign_PublishedContent_MatchesSampleVector()
    {
        Assert.True(StandardWebhookSignature.TryDecodeSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out var key));

        var signature = InboundHookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "POST",
            "/api/hooks/lawEnforcement/cases/C-1/events/RecordPayment", "key-7", Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        Assert.Equal("v1,/yge20DJN6Qt83YIdEvEdxO2z9FDeLr+v/lio41vMXQ=", signature);
    }

    private static async Task<int> CluesAsync(HookServer server, string reference) =>
        (await server.Api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/clues?q={reference}")).GetProperty("total").GetInt32();
}
