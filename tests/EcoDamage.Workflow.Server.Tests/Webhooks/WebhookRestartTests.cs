using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Restart;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// Issue 5: the host is killed (SIGKILL) after commands were acknowledged but before their events reached the
/// receiver (which answers 503 meanwhile); after a restart on the same SQLite file every event is delivered.
/// Runs the real host as a child process, with real time.
/// </summary>
[Trait("Category", "Restart")]
public sealed class WebhookRestartTests(ITestOutputHelper output) : IDisposable
{
    private const string ApiKey = "webhook-restart-key-8c2f";

    private readonly string _directory = Directory.CreateTempSubdirectory("ecodamage-hooks-restart-").FullName;

    private string DatabasePath => Path.Combine(_directory, "ecodamage.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS; only test data.
        }
    }

    [Fact]
    public async Task KilledBetweenCommitAndDelivery_EveryEventDeliveredAfterRestart()
    {
        using var overall = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = overall.Token;
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 503;
        var serverDll = HostProcess.LocateServerDll();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__ConnectionString"] = $"Data Source={DatabasePath}",
            ["Documents__Directory"] = Path.Combine(_directory, "documents"),
            ["WorkflowDefinitions__Directory"] = RepositoryPaths.Workflows,
            ["Security__ApiKeys__test__Key"] = ApiKey,
            ["Security__ApiKeys__test__System"] = "restart-test",
            ["Security__ApiKeys__test__Role"] = "handlingDepartment",
            ["Security__ApiKeys__test__Department"] = "ecologyBureau",
            ["Security__ApiKeys__test__Jurisdiction"] = "nantong",
            ["Webhooks__AllowPrivateTargets"] = "true",
            ["Webhooks__InitialRetryDelay"] = "00:00:00.200",
            ["Webhooks__MaxRetryDelay"] = "00:00:01",
            // Deliveries the killed node had claimed come back when their lease ends (7 × timeout + 30 s): keep that
            // inside the wait after the restart, whichever instant the kill lands on.
            ["Webhooks__Timeout"] = "00:00:02",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        using (var first = HostProcess.Start(serverDll, HostProcess.FreePort(), environment))
        {
            await first.WaitReadyAsync(http, TimeSpan.FromSeconds(60), ct);
            using var subscribed = await http.PostAsJsonAsync(new Uri(first.BaseAddress, "api/webhooks/subscriptions"), new { url = receiver.Url, eventTypes = new[] { "*" } }, ct);
            Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync(ct) + first.Output);
            for (var n = 0; n < 5; n++)
            {
                using var clue = await http.PostAsJsonAsync(new Uri(first.BaseAddress, "api/clues"),
                    new { channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = $"restart {n}" }, ct);
                Assert.True(clue.StatusCode == HttpStatusCode.Created, await clue.Content.ReadAsStringAsync(ct));
                var id = (await clue.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
                using var fired = await http.PostAsJsonAsync(new Uri(first.BaseAddress, $"api/cases/{id}/triggers/StartPreliminaryCheck"), new { data = new { } }, ct);
                Assert.True(fired.StatusCode == HttpStatusCode.OK, await fired.Content.ReadAsStringAsync(ct));
            }

            first.Kill();
        }

        // The relay is quick, so the kill rarely lands between a commit and its relay: put the newest five events back
        // into exactly that state (committed, never relayed, no delivery rows), as a crash right after their commit leaves them.
        await UnrelayNewestAsync(5, ct);
        var (events, undispatched) = await OutboxAsync(ct);
        output.WriteLine($"at the kill: {events.Count} events, {undispatched} not yet relayed, {receiver.Accepted.Count} accepted, {receiver.Received.Count} refused attempts");
        Assert.Empty(receiver.Accepted);
        Assert.True(events.Count >= 10);
        Assert.True(undispatched >= 5);

        receiver.StatusCode = 200;
        using (var second = HostProcess.Start(serverDll, HostProcess.FreePort(), environment))
        {
            await second.WaitReadyAsync(http, TimeSpan.FromSeconds(60), ct);
            await HookHosts.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Select(r => r.Id).Distinct().Count() >= events.Count),
                "every event after the restart", TimeSpan.FromSeconds(60));
        }

        Assert.Equal(events.Order(StringComparer.Ordinal), receiver.Accepted.Select(r => r.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.All(receiver.Received.GroupBy(r => r.Id), g => Assert.Single(g.Select(r => r.Body).Distinct()));
    }

    private async Task UnrelayNewestAsync(int count, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TEMP TABLE Newest AS SELECT "Id" FROM "Outbox" ORDER BY "Id" DESC LIMIT {count};
            DELETE FROM "WebhookAttempts" WHERE "DeliveryId" IN (SELECT "Id" FROM "WebhookDeliveries" WHERE "EventId" IN (SELECT "Id" FROM Newest));
            DELETE FROM "WebhookDeliveries" WHERE "EventId" IN (SELECT "Id" FROM Newest);
            UPDATE "Outbox" SET "DispatchedAt" = NULL WHERE "Id" IN (SELECT "Id" FROM Newest);
            """;
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<(List<string> Ids, int Undispatched)> OutboxAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "DispatchedAt" FROM "Outbox" """;
        var ids = new List<string>();
        var undispatched = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0).ToLowerInvariant());
            undispatched += reader.IsDBNull(1) ? 1 : 0;
        }

        return (ids, undispatched);
    }
}
