using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>What subscriptions select and when they send: filters, event patterns, pause/resume and time-range replay.</summary>
public sealed class SubscriptionBehaviourTests
{
    [Fact]
    public async Task Filters_And_Patterns_SelectOnlyMatchingEvents()
    {
        await using var chongchuan = await WebhookReceiver.StartAsync();
        await using var haimen = await WebhookReceiver.StartAsync();
        await using var opened = await WebhookReceiver.StartAsync();
        using var factory = HookHosts.Create();
        var api = new CaseClient(factory);
        var client = api.As(LawEnforcement);
        await Subscribe(client, chongchuan.Url, ["*"], new { jurisdiction = "chongchuan", definition = "claim" });
        await Subscribe(client, haimen.Url, ["*"], new { jurisdiction = "haimen" });
        await Subscribe(client, opened.Url, ["case.opened"], null);

        var id = (await api.RegisterClueAsync(jurisdiction: "chongchuan")).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await api.AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await api.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });

        var expected = await HookHosts.OutboxIdsAsync(factory, id);
        await HookHosts.WaitUntilAsync(() => Task.FromResult(chongchuan.Accepted.Count >= expected.Count && opened.Accepted.Count >= 1), "the matching subscribers");
        await Task.Delay(500);
        Assert.Equal(expected, chongchuan.Accepted.Select(r => r.Id));
        Assert.Empty(haimen.Received);
        Assert.Equal("ecodamage.case.opened.v1", JsonDocument.Parse(Assert.Single(opened.Accepted).Body).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Paused_QueuesDeliveries_ResumeSendsThemInOrder_RangeReplaySendsThemAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = HookHosts.Create();
        var api = new CaseClient(factory);
        var client = api.As(LawEnforcement);
        var (subscription, _) = await HookHosts.SubscribeAsync(client, receiver.Url, "*");
        (await client.PostAsync($"/api/webhooks/subscriptions/{subscription}/pause", null)).EnsureSuccessStatusCode();

        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        var expected = await HookHosts.OutboxIdsAsync(factory, id);
        await HookHosts.WaitUntilAsync(async () =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{subscription}/deliveries?status=Pending")).GetArrayLength() == expected.Count,
            "the queued deliveries", nudge: factory);
        Assert.Empty(receiver.Received);

        (await client.PostAsync($"/api/webhooks/subscriptions/{subscription}/resume", null)).EnsureSuccessStatusCode();
        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count >= expected.Count), "the resumed deliveries");
        Assert.Equal(expected, receiver.Accepted.Select(r => r.Id));

        var now = factory.Clock.GetUtcNow();
        using var replay = await client.PostAsJsonAsync($"/api/webhooks/subscriptions/{subscription}/replay", new { from = now.AddHours(-1), to = now.AddHours(1) });
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(expected.Count, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count >= 2 * expected.Count), "the replayed deliveries");
        Assert.Equal(expected.Concat(expected), receiver.Accepted.Select(r => r.Id));
    }

    private static async Task Subscribe(HttpClient client, string url, string[] eventTypes, object? filter)
    {
        using var response = await client.PostAsJsonAsync("/api/webhooks/subscriptions", new { url, eventTypes, filter });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
