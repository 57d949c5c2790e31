using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// Issue 5: two nodes on one PostgreSQL database and one RabbitMQ broker, commands spread over both: each event reaches
/// each subscriber exactly once (both relays and both delivery workers run; claims keep them apart), each case's events in order.
/// </summary>
public sealed class TwoNodeTests
{
    [RabbitMqPostgresFact]
    public async Task TwoNodes_RabbitMqAndPostgres_EachEventDeliveredOncePerSubscriber_InCaseOrder()
    {
        var database = await HookHosts.CreatePostgresDatabaseAsync();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSql",
                ["Storage:ConnectionString"] = database,
                ["Messaging:Transport"] = "RabbitMq",
                ["Messaging:RabbitMqUri"] = RabbitMqPostgresFactAttribute.RabbitMqUri,
            };
            await using var first = await WebhookReceiver.StartAsync();
            await using var second = await WebhookReceiver.StartAsync();
            using var nodeA = HookHosts.Create(settings);
            using var nodeB = HookHosts.Create(settings);
            var apiA = new CaseClient(nodeA);
            var apiB = new CaseClient(nodeB);
            await HookHosts.SubscribeAsync(apiA.As(LawEnforcement), first.Url, "*");
            await HookHosts.SubscribeAsync(apiB.As(LawEnforcement), second.Url, "case.*", "clue.*");

            await Task.WhenAll(Enumerable.Range(0, 6).Select(async n =>
            {
                var (one, other) = n % 2 == 0 ? (apiA, apiB) : (apiB, apiA);
                var id = (await one.RegisterClueAsync()).GetProperty("id").GetString()!;
                await other.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
                await one.AttachAsync(id, "preliminaryCheckReport");
                await other.AttachAsync(id, "caseOpeningDecision");
                await one.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });
            }));

            var expected = await HookHosts.OutboxIdsAsync(nodeA);
            await HookHosts.WaitUntilAsync(
                () => Task.FromResult(first.Received.Count >= expected.Count && second.Received.Count >= expected.Count),
                "both subscribers to receive every event", TimeSpan.FromSeconds(90));
            await Task.Delay(1000); // any duplicate would arrive now

            foreach (var receiver in new[] { first, second })
            {
                var received = receiver.Received.ToList();
                Assert.Equal(expected.Count, received.Count);
                Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(r => r.Id).Order(StringComparer.Ordinal));
                foreach (var byCase in received.GroupBy(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("subject").GetString()))
                {
                    var ids = byCase.Select(r => r.Id).ToList();
                    Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
                }
            }
        }
        finally
        {
            await HookHosts.DropPostgresDatabaseAsync(database);
        }
    }
}
