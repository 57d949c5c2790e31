using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Webhooks;

namespace EcoDamage.Workflow.Server.Tests.Administration;

/// <summary>Issue 14: "definition.published is emitted" — a signed webhook to a subscriber who reads everything (an auditor).</summary>
public sealed class PublicationEventTests
{
    private const string AuditorKey = "test-publication-auditor-key";

    [Fact]
    public async Task Publish_DefinitionPublishedDelivered_WithTheVersionAndTheReason()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = HookHosts.Create(new Dictionary<string, string?>
        {
            ["Security:ApiKeys:auditor:Key"] = AuditorKey,
            ["Security:ApiKeys:auditor:System"] = "audit-office",
            ["Security:ApiKeys:auditor:Role"] = "auditor",
        });
        var auditor = factory.CreateClient();
        auditor.DefaultRequestHeaders.Add("X-Api-Key", AuditorKey);
        var (_, secret) = await HookHosts.SubscribeAsync(auditor, receiver.Url, "definition.published");
        var admin = new AdminClient(factory);

        await admin.PublishEditedAsync("claim@2.0.0", t => ClaimEdits.RaiseSimplifiedThreshold(ClaimEdits.Renumber(t, "2.1.0", "2026-03-02")));

        await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count >= 1), "the definition.published delivery", nudge: factory);
        var hook = Assert.Single(receiver.Accepted);
        Assert.True(HookHosts.Verify(hook, secret));
        var envelope = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal("ecodamage.definition.published.v1", envelope.GetProperty("type").GetString());
        var data = envelope.GetProperty("data");
        Assert.Equal(("claim", "2.1.0", "2026-03-02"), (data.GetProperty("id").GetString(), data.GetProperty("version").GetString(), data.GetProperty("effectiveFrom").GetString()));
        Assert.Equal("Nantong implementing rules revised (test)", data.GetProperty("reason").GetString());
        Assert.Equal("administration-console", data.GetProperty("publishedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/definitions/claim/versions/2.1.0")).StatusCode);
    }
}
