using System.Text.Json;
using System.Text.Json.Nodes;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.TestUtils;
using Json.Schema;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>Issue 5: a real receiver (Kestrel on loopback) gets every event of a full claim, in order, signed, and matching the published schema.</summary>
public sealed class FullClaimDeliveryTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "schema", "webhook-envelope.v1.schema.json"))));

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task FullClaim_EveryEventDeliveredInOrder_SignedAndValidAgainstTheSchema(string provider)
    {
        string? database = provider == "PostgreSql" ? await HookHosts.CreatePostgresDatabaseAsync() : null;
        try
        {
            var settings = database is null ? null : new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = database };
            await using var receiver = await WebhookReceiver.StartAsync();
            using var factory = HookHosts.Create(settings);
            var client = new CaseClient(factory).As(CaseClient.LawEnforcement);
            var (_, secret) = await HookHosts.SubscribeAsync(client, receiver.Url, "*");

            var caseId = await ClaimRun.FullAsync(factory);

            var expected = await HookHosts.OutboxIdsAsync(factory, caseId);
            await HookHosts.WaitUntilAsync(async () => receiver.Accepted.Select(r => r.Id).Distinct().Count() >= expected.Count, "every event of the claim");
            var received = receiver.Accepted;
            Assert.Equal(expected, received.Select(r => r.Id).ToList());
            Assert.All(received, r => Assert.True(HookHosts.Verify(r, secret), $"signature of {r.Id}"));
            Assert.All(received, r =>
            {
                var result = Schema.Value.Evaluate(JsonNode.Parse(r.Body), new EvaluationOptions { OutputFormat = OutputFormat.List });
                Assert.True(result.IsValid, r.Body + "\n" + string.Join("\n", result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
            });
            var types = received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).ToList();
            Assert.Equal("ecodamage.clue.registered.v1", types[0]);
            foreach (var type in new[] { "case.opened", "case.stateChanged", "case.agreementSigned", "case.judicialConfirmationRequested", "case.judicialConfirmationRuled", "case.repairCompleted", "case.evaluationPassed", "case.closed", "case.documentAttached", "case.deadlineOpened" })
            {
                Assert.Contains($"ecodamage.{type}.v1", types);
            }

            Assert.All(received, r => Assert.Equal(caseId, JsonDocument.Parse(r.Body).RootElement.GetProperty("subject").GetString()));
        }
        finally
        {
            if (database is not null)
            {
                await HookHosts.DropPostgresDatabaseAsync(database);
            }
        }
    }
}
