using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// Issue 5: the receiver answers 503 for a while, then is unreachable, then comes back: every event is delivered
/// afterwards, none lost, in order, and a repeated delivery always carries the same webhook-id and body. The
/// backoff runs on the host's fake clock, which the test moves.
/// </summary>
public sealed class ReceiverOutageTests
{
    [Fact]
    public async Task ReceiverDownThenBack_EveryEventDeliveredInOrder_DuplicatesOnlyWithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 503;
        using var factory = HookHosts.Create();
        var api = new CaseClient(factory);
        var client = api.As(LawEnforcement);
        var (subscription, secret) = await HookHosts.SubscribeAsync(client, receiver.Url, "case.*", "clue.*");

        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Received.Count >= 3), "three 503 answers", nudge: factory, step: TimeSpan.FromMinutes(1));
        Assert.Empty(receiver.Accepted);

        await receiver.StopAsync();
        var refusedBefore = receiver.Received.Count;
        await api.AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await api.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });
        for (var i = 0; i < 20; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50);
        }

        Assert.Equal(refusedBefore, receiver.Received.Count);
        var pending = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{subscription}/deliveries?status=Pending");
        var head = pending.EnumerateArray().OrderBy(d => d.GetProperty("eventId").GetString(), StringComparer.Ordinal).First();
        var log = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/deliveries/{head.GetProperty("id").GetString()}");
        var attempts = log.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Contains(attempts, a => a.GetProperty("statusCode").ValueKind == JsonValueKind.Number && a.GetProperty("statusCode").GetInt32() == 503);
        Assert.Contains(attempts, a => a.GetProperty("statusCode").ValueKind == JsonValueKind.Null && !a.GetProperty("succeeded").GetBoolean());

        receiver.StatusCode = 200;
        await receiver.StartAsync();
        await api.AttachAsync(id, "siteSurveyRecord");
        var expected = await HookHosts.OutboxIdsAsync(factory, id);
        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Select(r => r.Id).Distinct().Count() >= expected.Count),
            "every event after the receiver came back", nudge: factory, step: TimeSpan.FromMinutes(1));

        var accepted = receiver.Accepted;
        Assert.Equal(expected, accepted.Select(r => r.Id).Distinct().ToList());
        Assert.All(receiver.Received.GroupBy(r => r.Id), g => Assert.Single(g.Select(r => r.Body).Distinct()));
        Assert.All(receiver.Received, r => Assert.True(HookHosts.Verify(r, secret)));
        var subscriptionView = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{subscription}");
        Assert.Equal("Active", subscriptionView.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReceiverDownForTheWholeRetryWindow_DeliveryGivenUp_SubscriptionDisabled_ResumeAndReplaySendIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 500;
        using var factory = HookHosts.Create(new Dictionary<string, string?> { ["Webhooks:RetryWindow"] = "01:00:00" });
        var api = new CaseClient(factory);
        var client = api.As(LawEnforcement);
        var (subscription, _) = await HookHosts.SubscribeAsync(client, receiver.Url, "clue.registered");
        await api.RegisterClueAsync();

        await HookHosts.WaitUntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{subscription}")).GetProperty("status").GetString() == "Disabled",
            "the subscription to be disabled", nudge: factory, step: TimeSpan.FromMinutes(2));
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{subscription}");
        Assert.Contains("given up", view.GetProperty("statusReason").GetString());
        var failed = (await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{subscription}/deliveries?status=Failed")).EnumerateArray().Single();
        Assert.True(failed.GetProperty("attemptCount").GetInt32() > 2);

        receiver.StatusCode = 200;
        (await client.PostAsync($"/api/webhooks/subscriptions/{subscription}/resume", null)).EnsureSuccessStatusCode();
        using var replay = await client.PostAsync($"/api/webhooks/deliveries/{failed.GetProperty("id").GetString()}/replay", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, replay.StatusCode);
        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count == 1), "the replayed delivery", nudge: factory);
        Assert.Equal(failed.GetProperty("eventId").GetString(), receiver.Accepted[0].Id);
    }
}
