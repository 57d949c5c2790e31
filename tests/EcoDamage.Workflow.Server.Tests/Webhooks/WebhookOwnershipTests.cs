using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Server.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;
using static EcoDamage.Workflow.Server.Tests.Webhooks.ScopedHost;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// Issue 13: "any caller can subscribe a webhook to every event of every case, and can list, re-point (URL and secret),
/// pause, delete, read the delivery log of, and replay another system's subscription"; "webhook secrets are stored in
/// plain text". Each test fails on the old code.
/// </summary>
public sealed class WebhookOwnershipTests
{
    public static TheoryData<string> Providers => CaseDatabases.Providers;

    // Old code: the court listed, read, re-pointed, paused, deleted and replayed the law-enforcement system's subscription.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnotherCaller_CannotSeeOrManageASubscription_404_NothingChanged(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var owner = api.As(LawEnforcement);
        var (id, _) = await HookHosts.SubscribeAsync(owner, receiver.Url, "clue.*");
        var caseId = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        string? deliveryId = null;
        await HookHosts.WaitUntilAsync(async () =>
        {
            var list = await owner.GetFromJsonAsync<JsonElement>($"/api/webhooks/subscriptions/{id}/deliveries");
            deliveryId = list.EnumerateArray().Where(d => d.GetProperty("caseId").GetString() == caseId).Select(d => d.GetProperty("id").GetString()).FirstOrDefault();
            return deliveryId is not null;
        }, "the owner's delivery");
        var before = await owner.GetStringAsync($"/api/webhooks/subscriptions/{id}");

        var other = api.As(Court);
        Assert.DoesNotContain(id, await other.GetStringAsync("/api/webhooks/subscriptions"), StringComparison.Ordinal);
        var attempts = new List<HttpResponseMessage>
        {
            await other.GetAsync($"/api/webhooks/subscriptions/{id}"),
            await other.PutAsJsonAsync($"/api/webhooks/subscriptions/{id}", new { url = "http://127.0.0.1:9/stolen", eventTypes = new[] { "*" }, secret = "whsec_" + Convert.ToBase64String(new byte[32]) }),
            await other.PostAsync($"/api/webhooks/subscriptions/{id}/pause", null),
            await other.PostAsync($"/api/webhooks/subscriptions/{id}/resume", null),
            await other.GetAsync($"/api/webhooks/subscriptions/{id}/deliveries"),
            await other.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/replay", new { from = "2020-01-01T00:00:00Z", to = "2030-01-01T00:00:00Z" }),
            await other.GetAsync($"/api/webhooks/deliveries/{deliveryId}"),
            await other.PostAsync($"/api/webhooks/deliveries/{deliveryId}/replay", null),
            await other.DeleteAsync($"/api/webhooks/subscriptions/{id}"),
        };
        foreach (var response in attempts)
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            response.Dispose();
        }

        Assert.Equal(before, await owner.GetStringAsync($"/api/webhooks/subscriptions/{id}"));
        var delivery = await owner.GetFromJsonAsync<JsonElement>($"/api/webhooks/deliveries/{deliveryId}");
        Assert.Equal(1, delivery.GetProperty("attemptCount").GetInt32());

        // The administrator sees and manages every subscription.
        var admin = api.As(Admin);
        Assert.Contains(id, await admin.GetStringAsync("/api/webhooks/subscriptions"), StringComparison.Ordinal);
        using var paused = await admin.PostAsync($"/api/webhooks/subscriptions/{id}/pause", null);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
    }

    // Old code: any caller subscribed to any department's and jurisdiction's cases (201).
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Subscribe_FilterBeyondTheCallersCases_403_NothingStored(string provider)
    {
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var cases = new (string Key, object Filter)[]
        {
            (LawEnforcement, new { department = "naturalResourcesBureau" }),
            (HaimenEcology, new { jurisdiction = "chongchuan" }),
            // (An obligor key naming its party reads the cases it is a party to, so it may subscribe to those.)
        };
        foreach (var (key, filter) in cases)
        {
            using var response = await api.As(key).PostAsJsonAsync("/api/webhooks/subscriptions", new { url = "http://127.0.0.1:9/x", eventTypes = new[] { "*" }, filter });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{key}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0, await host.CountAsync());
        using var admin = await api.As(Admin).PostAsJsonAsync("/api/webhooks/subscriptions",
            new { url = "http://127.0.0.1:9/x", eventTypes = new[] { "*" }, filter = new { department = "naturalResourcesBureau", jurisdiction = "haimen" } });
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
    }

    // Old code: every subscription heard of every case (the district's and the other department's receivers got the chongchuan case).
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FanOut_ASubscriptionHearsOnlyOfTheCasesItsOwnerReads(string provider)
    {
        await using var city = await WebhookReceiver.StartAsync();
        await using var district = await WebhookReceiver.StartAsync();
        await using var otherDepartment = await WebhookReceiver.StartAsync();
        await using var everything = await WebhookReceiver.StartAsync();
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        await HookHosts.SubscribeAsync(api.As(LawEnforcement), city.Url, "clue.*");
        await HookHosts.SubscribeAsync(api.As(HaimenEcology), district.Url, "clue.*");
        await HookHosts.SubscribeAsync(api.As(NaturalResources), otherDepartment.Url, "clue.*");
        await HookHosts.SubscribeAsync(api.As(Admin), everything.Url, "clue.*");

        var chongchuan = (await api.RegisterClueAsync(jurisdiction: "chongchuan")).GetProperty("id").GetString()!;
        var haimen = (await api.RegisterClueAsync(jurisdiction: "haimen")).GetProperty("id").GetString()!;
        await HookHosts.WaitUntilAsync(() => Task.FromResult(city.Accepted.Count >= 2 && everything.Accepted.Count >= 2 && district.Accepted.Count >= 1), "the covered deliveries");
        await Task.Delay(500); // the relay has long planned every delivery it ever will for these two events

        Assert.Equal([haimen], district.Accepted.Select(CaseOf).Distinct());
        Assert.Empty(otherDepartment.Received);
        string[] both = [.. new[] { chongchuan, haimen }.Order(StringComparer.Ordinal)];
        Assert.Equal(both, city.Accepted.Select(CaseOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(both, everything.Accepted.Select(CaseOf).Distinct().Order(StringComparer.Ordinal));
    }

    // Old code: the row held the whsec_ secret in plain text.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Secret_StoredEncrypted_StillSigns_PlainRowsEncryptedAtStartUp(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await ScopedHost.StartAsync(provider);
        var api = new CaseClient(host.Factory);
        var (id, secret) = await HookHosts.SubscribeAsync(api.As(LawEnforcement), receiver.Url, "clue.*");
        var stored = await host.SecretAsync(Guid.Parse(id));
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.False(stored.StartsWith("whsec_", StringComparison.Ordinal));

        await api.RegisterClueAsync();
        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count >= 1), "a delivery");
        Assert.True(HookHosts.Verify(receiver.Accepted[0], secret));

        // A row written before encryption keeps signing and is encrypted when the host starts.
        var legacy = Guid.NewGuid();
        await host.AddPlainAsync(legacy, "whsec_" + Convert.ToBase64String(new byte[32]));
        await host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<WebhookSecretUpgrade>().Single().StartAsync(CancellationToken.None);
        Assert.False((await host.SecretAsync(legacy)).StartsWith("whsec_", StringComparison.Ordinal));
    }

    private static string CaseOf(ReceivedHook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("subject").GetString()!;
}
