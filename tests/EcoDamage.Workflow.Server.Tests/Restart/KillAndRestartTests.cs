using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EcoDamage.Workflow.Server.Tests.Restart;

/// <summary>
/// Issue 3: kill the host process (SIGKILL, not a graceful stop) in the middle of a stream of commands,
/// restart it on the same SQLite file, and show that every acknowledged command is stored and the outbox
/// still holds every undelivered event. Runs the real host as a child process.
/// </summary>
/// <remarks>
/// Written against the cases/clues API contract (<c>POST /api/clues</c>, <c>POST /api/cases/{id}/triggers/{trigger}</c>,
/// <c>GET /api/cases/{id}</c>, <c>X-Api-Key</c>). Until that API is in the host, <c>POST /api/clues</c> answers
/// 404 and the test reports itself skipped.
/// </remarks>
[Trait("Category", "Restart")]
public sealed class KillAndRestartTests(ITestOutputHelper output) : IDisposable
{
    private const string ApiKey = "restart-test-key-5d1e";
    private const int AcknowledgedBeforeKill = 60;
    private const int Writers = 4;

    private readonly string _directory = Directory.CreateTempSubdirectory("ecodamage-restart-").FullName;

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
            // Left for the OS to clean; the content is only test data.
        }
    }

    [SkippableFact]
    public async Task Kill_InTheMiddleOfAStreamOfCommands_EveryAcknowledgedCommandAndItsOutboxSurvive()
    {
        using var overall = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = overall.Token;
        var serverDll = HostProcess.LocateServerDll();
        var port = HostProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__ConnectionString"] = $"Data Source={DatabasePath}",
            ["WorkflowDefinitions__Directory"] = RepositoryPaths.Workflows,
            ["Security__ApiKeys__test__Key"] = ApiKey,
            ["Security__ApiKeys__test__System"] = "restart-test",
            ["Security__ApiKeys__test__Role"] = "handlingDepartment",
            ["Security__ApiKeys__test__Department"] = "ecologyBureau",
            ["Security__ApiKeys__test__Jurisdiction"] = "nantong", // issue 13: a department acts in its jurisdiction
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var acknowledged = new ConcurrentQueue<Acknowledged>();
        var unexpected = new ConcurrentQueue<string>();

        // First life: probe, stream, kill.
        using (var first = HostProcess.Start(serverDll, port, environment))
        {
            await first.WaitReadyAsync(http, TimeSpan.FromSeconds(60), ct);
            var api = new RestartApi(http, first.BaseAddress);

            var probe = await api.RegisterClueAsync(0, ct);
            Skip.If(
                probe.Status == HttpStatusCode.NotFound,
                "POST /api/clues answers 404: the cases/clues API is not in this host yet (it lands with the API branch).");
            Assert.True(probe.Status == HttpStatusCode.Created, $"POST /api/clues: {(int)probe.Status} {probe.Body}\n{first.Output}");
            acknowledged.Enqueue(probe.Ack!);

            using var stopWriters = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var killed = 0;
            var writers = Enumerable.Range(0, Writers)
                .Select(w => Task.Run(() => StreamAsync(api, w, acknowledged, unexpected, () => Volatile.Read(ref killed) == 1, stopWriters.Token), ct))
                .ToArray();

            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                wait.CancelAfter(TimeSpan.FromSeconds(90));
                while (acknowledged.Count < AcknowledgedBeforeKill && !writers.All(t => t.IsCompleted))
                {
                    await Task.Delay(20, wait.Token);
                }
            }

            Assert.True(unexpected.IsEmpty, "unexpected answers before the kill:\n" + string.Join("\n", unexpected) + "\n" + first.Output);
            Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"only {acknowledged.Count} commands acknowledged:\n{first.Output}");

            // Writers are still sending: commands are in flight when the process dies.
            Volatile.Write(ref killed, 1);
            first.Kill();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60), ct);
            await stopWriters.CancelAsync();
        }

        Assert.True(unexpected.IsEmpty, "unexpected answers:\n" + string.Join("\n", unexpected));
        var acks = acknowledged.ToArray();
        var latest = acks.GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.Max(a => a.Version));
        output.WriteLine($"{acks.Length} commands acknowledged on {latest.Count} cases before the kill ({Writers} writers in flight)");

        // The file as the crash left it, before anything could deliver or rewrite it.
        await AssertOutboxAndAuditAsync(acks, latest, ct);

        // Second life: the same database; every acknowledged case is there at least at its acknowledged version.
        using (var second = HostProcess.Start(serverDll, HostProcess.FreePort(), environment))
        {
            await second.WaitReadyAsync(http, TimeSpan.FromSeconds(60), ct);
            var api = new RestartApi(http, second.BaseAddress);
            foreach (var (caseId, version) in latest)
            {
                var (status, body) = await api.GetCaseAsync(caseId, ct);
                Assert.True(status == HttpStatusCode.OK, $"GET /api/cases/{caseId} after the restart: {(int)status} {body}\n{second.Output}");
                var stored = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt64();
                Assert.True(stored >= version, $"case {caseId}: version {stored} after the restart, {version} was acknowledged");
            }

            // The restarted host takes commands again.
            var after = await api.RegisterClueAsync(-1, ct);
            Assert.True(after.Status == HttpStatusCode.Created, $"POST /api/clues after the restart: {(int)after.Status} {after.Body}\n{second.Output}");
        }
    }

    /// <summary>
    /// Each acknowledged command left its audit event and its outbox event (carrying the acknowledged version)
    /// in the file, none marked dispatched, and every case's audit chain verifies.
    /// </summary>
    private async Task AssertOutboxAndAuditAsync(Acknowledged[] acks, Dictionary<string, long> latest, CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        var outbox = new List<(string CaseId, string Type, long? Version, long? DispatchedAt)>();
        var cases = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync(ct);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT CaseId, Type, Payload, DispatchedAt FROM Outbox";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    using var payload = JsonDocument.Parse(reader.GetString(2));
                    long? version = payload.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
                    outbox.Add((reader.GetString(0), reader.GetString(1), version, reader.IsDBNull(3) ? null : reader.GetInt64(3)));
                }
            }

            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT Id, Version FROM Cases";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    cases[reader.GetString(0)] = reader.GetInt64(1);
                }
            }
        }

        foreach (var (caseId, version) in latest)
        {
            Assert.True(cases.TryGetValue(caseId, out var stored), $"case {caseId} was acknowledged but is not in the Cases table");
            Assert.True(stored >= version, $"case {caseId}: stored version {stored}, acknowledged {version}");
        }

        foreach (var ack in acks)
        {
            var type = ack.Command == "clue" ? OutboxMessageTypes.CaseStarted : OutboxMessageTypes.StateChanged;
            Assert.True(
                outbox.Any(o => o.CaseId == ack.CaseId && o.Type == type && o.Version == ack.Version),
                $"no {type} outbox row for case {ack.CaseId} version {ack.Version} ({ack.Command} acknowledged)");
        }

        output.WriteLine($"after the kill: {cases.Count} cases and {outbox.Count} outbox rows in the file");
        // The outbox relay (issue 5) marks rows dispatched once fanned out to webhook deliveries; the rest it relays after the
        // restart (Webhooks/WebhookRestartTests shows them delivered).
        output.WriteLine($"{outbox.Count(o => o.DispatchedAt is null)} outbox rows not yet dispatched at the kill");

        var services = new ServiceCollection()
            .AddWorkflowStorage(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Sqlite",
                    ["Storage:ConnectionString"] = $"Data Source={DatabasePath}",
                })
                .Build())
            .BuildServiceProvider();
        await using (services)
        {
            await using var scope = services.CreateAsyncScope();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            foreach (var (caseId, version) in latest)
            {
                var events = await trail.ReadAsync(caseId, ct);
                Assert.Contains(events, e => e.Event.CaseVersion == version);
                var report = AuditChainVerifier.Verify(caseId, events);
                Assert.True(report.IsIntact, $"case {caseId}: audit chain broken at {report.FirstBrokenSequence}: {report.Reason}");
            }
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Registers clues and fires one trigger on each, recording every 2xx, until the host is gone.</summary>
    private static async Task StreamAsync(
        RestartApi api,
        int writer,
        ConcurrentQueue<Acknowledged> acknowledged,
        ConcurrentQueue<string> unexpected,
        Func<bool> killed,
        CancellationToken ct)
    {
        for (var i = 1; !ct.IsCancellationRequested; i++)
        {
            try
            {
                var clue = await api.RegisterClueAsync((writer * 100_000) + i, ct);
                if (clue.Ack is null)
                {
                    unexpected.Enqueue($"POST /api/clues: {(int)clue.Status} {clue.Body}");
                    return;
                }

                acknowledged.Enqueue(clue.Ack);
                var trigger = await api.FireAsync(clue.Ack, "StartPreliminaryCheck", ct);
                if (trigger.Ack is null)
                {
                    unexpected.Enqueue($"POST /api/cases/{clue.Ack.CaseId}/triggers/StartPreliminaryCheck: {(int)trigger.Status} {trigger.Body}");
                    return;
                }

                acknowledged.Enqueue(trigger.Ack);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                if (!killed())
                {
                    unexpected.Enqueue($"writer {writer}: {e.GetType().Name}: {e.Message}");
                }

                return; // The host is gone: whatever was in flight is unacknowledged.
            }
        }
    }
}
