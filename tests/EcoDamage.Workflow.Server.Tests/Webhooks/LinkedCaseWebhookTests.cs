using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>Linked cases reach webhook subscribers: one <c>case.linked</c> event per link of a split (issue 12, "Linked cases").</summary>
public sealed class LinkedCaseWebhookTests
{
    [Fact]
    public async Task Split_SubscriberToCaseLinked_ReceivesOneEventPerLink()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = HookHosts.Create();
        var api = new CaseClient(factory);
        var client = api.As(LawEnforcement);
        using (var subscribed = await client.PostAsJsonAsync("/api/webhooks/subscriptions", new { url = receiver.Url, eventTypes = new[] { "case.linked" } }))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        using var split = await client.PostAsJsonAsync($"/api/cases/{id}/split", new { obligors = new object[] { new { name = "甲化工有限公司" }, new { name = "乙印染厂" } } });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);

        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count >= 2), "the case.linked deliveries");
        await Task.Delay(300);
        var events = receiver.Accepted.Select(r => JsonDocument.Parse(r.Body).RootElement).ToArray();
        Assert.Equal(2, events.Length);
        Assert.All(events, e => Assert.Equal("ecodamage.case.linked.v1", e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal((id, "splitFrom", "splitInto"), (
            e.GetProperty("data").GetProperty("linkedCaseId").GetString(),
            e.GetProperty("data").GetProperty("kind").GetString(),
            e.GetProperty("data").GetProperty("inverseKind").GetString())));
    }
}
