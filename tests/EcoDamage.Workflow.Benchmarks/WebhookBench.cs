using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.TestUtils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static EcoDamage.Workflow.Benchmarks.BenchArgs;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// The webhook benchmark (<c>--webhooks [--cases N] [--writers W] [--rabbitmq URI]</c>): a loopback receiver (Kestrel,
/// in-process) answers 200 to every POST. Baseline: a raw HttpClient loop POSTing signed bodies of the same size to it
/// with as many senders as the delivery worker uses. Then, per transport (in-memory; RabbitMQ when a URI is given or
/// <c>ECODAMAGE_TEST_RABBITMQ</c> is set), a host with storage (fresh SQLite file), runtime, <c>AddMessaging</c> and
/// <c>AddWebhooks</c>: W writers start N claim cases through <see cref="CaseCommandHandler"/> (each commit writes its
/// outbox rows), a subscription to <c>*</c> delivers them. Reported: deliveries/s from the first command to the last
/// arrival, and commit → receiver latency p50/p99 (the envelope's <c>time</c>, read by the command just before its
/// commit, to the arrival); then the same at 50 commands/s (latency without a backlog); then delivery alone: N more
/// commands while the subscription is paused (their deliveries are queued with the claim of their events), and
/// deliveries/s from the resume to the last arrival — the figure to hold against the POST loop, since the burst's rate
/// is bounded by how fast the commands commit. PostgreSQL (<c>--postgres</c> or <c>ECODAMAGE_TEST_POSTGRES</c>) runs
/// with RabbitMQ.
/// </summary>
internal static class WebhookBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = IntArg(args, "--cases", 1000);
        var writers = IntArg(args, "--writers", 4);
        var rabbit = Arg(args, "--rabbitmq") ?? Environment.GetEnvironmentVariable("ECODAMAGE_TEST_RABBITMQ");
        var postgres = Arg(args, "--postgres") ?? Environment.GetEnvironmentVariable("ECODAMAGE_TEST_POSTGRES");
        const int concurrency = 16;
        var folder = Path.GetFullPath("bench-data");
        Directory.CreateDirectory(folder);
        await using var receiver = await WebhookBenchReceiver.StartAsync();
        Console.WriteLine(FormattableString.Invariant($"Webhook benchmark: {cases} claim cases by {writers} writers, {concurrency} concurrent deliveries, receiver {receiver.Url}"));
        Console.WriteLine("| run | deliveries | deliveries/s | p50 ms | p99 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var baseline = await BaselineAsync(receiver, cases * 3, concurrency);
        Row("baseline: raw HttpClient POST loop (signed, same receiver)", baseline);
        var (embedded, embeddedPaced, embeddedDrain) = await HostRunAsync(receiver, folder, cases, writers, concurrency, null);
        Row($"embedded (SQLite + MassTransit in-memory), burst of {cases} commands", embedded);
        Row($"embedded, paced {PacedCommands} commands at 50/s", embeddedPaced);
        Row($"embedded, delivery alone: backlog of {cases} sent after resume", embeddedDrain);
        var ratios = new List<string>
        {
            FormattableString.Invariant($"embedded/baseline throughput {embedded.Rate / baseline.Rate:F2} (burst), {embeddedDrain.Rate / baseline.Rate:F2} (delivery alone)"),
        };
        if (rabbit is not null)
        {
            var (rabbitRun, rabbitPaced, rabbitDrain) = await HostRunAsync(receiver, folder, cases, writers, concurrency, rabbit);
            Row($"SQLite + MassTransit RabbitMQ, burst of {cases} commands", rabbitRun);
            Row($"RabbitMQ, paced {PacedCommands} commands at 50/s", rabbitPaced);
            Row($"RabbitMQ, delivery alone: backlog of {cases} sent after resume", rabbitDrain);
            ratios.Add(FormattableString.Invariant($"RabbitMQ/baseline throughput {rabbitRun.Rate / baseline.Rate:F2} (burst), {rabbitDrain.Rate / baseline.Rate:F2} (delivery alone)"));
            if (postgres is not null)
            {
                var (pgRun, pgPaced, pgDrain) = await HostRunAsync(receiver, folder, cases, writers, concurrency, rabbit, postgres);
                Row($"PostgreSQL + MassTransit RabbitMQ, burst of {cases} commands", pgRun);
                Row($"PostgreSQL + RabbitMQ, paced {PacedCommands} commands at 50/s", pgPaced);
                Row($"PostgreSQL + RabbitMQ, delivery alone: backlog of {cases} sent after resume", pgDrain);
                ratios.Add(FormattableString.Invariant($"PostgreSQL+RabbitMQ/baseline throughput {pgRun.Rate / baseline.Rate:F2} (burst), {pgDrain.Rate / baseline.Rate:F2} (delivery alone)"));
            }
        }
        else
        {
            Console.WriteLine("(RabbitMQ run skipped: pass --rabbitmq amqp://… or set ECODAMAGE_TEST_RABBITMQ)");
        }

        Console.WriteLine(string.Join("; ", ratios));
        return 0;
    }

    private static async Task<Result> BaselineAsync(WebhookBenchReceiver receiver, int count, int concurrency)
    {
        using var http = new HttpClient();
        var secret = StandardWebhookSignature.NewSecret();
        var body = """{"specversion":"1.0","id":"x","type":"ecodamage.case.deadlineOpened.v1","source":"/ecodamage/workflow","time":"2026-03-02T02:00:00.0000000Z","subject":"0196d1a2000070008000000000000001","datacontenttype":"application/json","dataversion":"1","data":{"caseId":"0196d1a2000070008000000000000001","deadline":"claim/preliminaryCheck","deadlineId":"preliminaryCheck","due":"2026-04-01T15:59:59Z","lastDay":"2026-04-01"}}""";
        var latencies = new ConcurrentBag<double>();
        var next = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var id = Guid.NewGuid().ToString("D");
                var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("webhook-id", id);
                request.Headers.Add("webhook-timestamp", ts.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(secret, id, ts, body));
                var s = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(s).TotalMilliseconds);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Result(count, count / elapsed, latencies.ToList());
    }

    private static async Task<(Result Burst, Result Paced, Result Drain)> HostRunAsync(
        WebhookBenchReceiver receiver, string folder, int cases, int writers, int concurrency, string? rabbit, string? postgres = null)
    {
        string? pgDatabase = null;
        if (postgres is not null)
        {
            pgDatabase = "ecodamage_bench_" + Guid.NewGuid().ToString("N");
            await using var admin = new Npgsql.NpgsqlConnection(postgres);
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {pgDatabase}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var db = Path.Combine(folder, rabbit is null ? "webhooks-inmemory.db" : "webhooks-rabbitmq.db");
        foreach (var f in Directory.GetFiles(folder, Path.GetFileName(db) + "*"))
        {
            File.Delete(f);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") is not null)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Messaging:Transport"] = rabbit is null ? "InMemory" : "RabbitMq",
            ["Messaging:RabbitMqUri"] = rabbit,
        });
        builder.Services.AddSingleton(new WorkflowEngine(ShippedCatalog.Catalog)).AddWorkflowRuntime().AddWorkflowStorage(BenchStorage.Configuration(
            pgDatabase is null ? $"Data Source={db}" : new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = pgDatabase }.ConnectionString,
            postgreSql: pgDatabase is not null));
        builder.Services.AddMessaging(builder.Configuration).AddWebhooks(builder.Configuration);
        builder.Services.AddSingleton<EcoDamage.Workflow.Runtime.Security.ISecretProtector, PlainSecretProtector>();
        using var host = builder.Build();
        Guid subscription;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync();
            var created = await scope.ServiceProvider.GetRequiredService<WebhookSubscriptions>().CreateAsync(
                new SubscriptionInput(receiver.Url, ["*"], null, null, null, null, "bench"), Bench, CancellationToken.None);
            subscription = created.View!.Id;
        }

        await host.StartAsync();
        // Warm-up: JIT, EF model, the bus, connections.
        await StartCasesAsync(host.Services, 20, 2);
        var warmUp = await OutboxCountAsync(host.Services);
        await receiver.WaitForAsync(warmUp);
        receiver.Reset();

        var started = Stopwatch.GetTimestamp();
        await StartCasesAsync(host.Services, cases, writers);
        var commandsDone = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var expected = await OutboxCountAsync(host.Services) - warmUp;
        await receiver.WaitForAsync(expected);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = receiver.Latencies();
        Console.WriteLine(FormattableString.Invariant($"  ({(pgDatabase is null ? "SQLite" : "PostgreSQL")} + {(rabbit is null ? "in-memory" : "RabbitMQ")}: {cases} commands committed in {commandsDone:F2} s, last delivery at {elapsed:F2} s)"));

        // Latency without a backlog: one command every 20 ms (50/s).
        receiver.Reset();
        var before = await OutboxCountAsync(host.Services);
        var pacedStart = Stopwatch.GetTimestamp();
        await StartCasesAsync(host.Services, PacedCommands, 1, TimeSpan.FromMilliseconds(20));
        var pacedExpected = await OutboxCountAsync(host.Services) - before;
        await receiver.WaitForAsync(pacedExpected);
        var paced = new Result(pacedExpected, pacedExpected / Stopwatch.GetElapsedTime(pacedStart).TotalSeconds, receiver.Latencies());

        // Delivery alone: a backlog of deliveries queued while the subscription is paused, sent once it is resumed.
        receiver.Reset();
        await SetActiveAsync(host.Services, subscription, false);
        var backlogBefore = await OutboxCountAsync(host.Services);
        await StartCasesAsync(host.Services, cases, writers);
        var backlog = await OutboxCountAsync(host.Services) - backlogBefore;
        while (await PendingDeliveriesAsync(host.Services) < backlog)
        {
            await Task.Delay(20);
        }

        var drainStart = Stopwatch.GetTimestamp();
        await SetActiveAsync(host.Services, subscription, true);
        await receiver.WaitForAsync(backlog);
        var drain = new Result(backlog, backlog / Stopwatch.GetElapsedTime(drainStart).TotalSeconds, []);
        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") is not null)
        {
            Console.WriteLine("  slow: " + string.Join(", ", receiver.Ordered().Select((l, i) => (l, i)).Where(x => x.l > 200).Select(x => FormattableString.Invariant($"#{x.i}:{x.l:F0}"))));
        }
        await host.StopAsync();
        if (pgDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(postgres);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        return (new Result(expected, expected / elapsed, latencies), paced, drain);
    }

    private static readonly WebhookCaller Bench = new("bench", Administrator: true, EcoDamage.Workflow.Runtime.Access.AccessScope.Everything);

    private static async Task SetActiveAsync(IServiceProvider services, Guid subscription, bool active)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookSubscriptions>().SetActiveAsync(subscription, active, Bench, CancellationToken.None);
    }

    private static async Task<int> PendingDeliveriesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "WebhookDeliveries" WHERE "Status" = 'Pending' """;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private const int PacedCommands = 200;

    private static async Task StartCasesAsync(IServiceProvider services, int cases, int writers, TimeSpan? pace = null)
    {
        var next = 0;
        var actor = new Actor("bench", "handlingDepartment");
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= cases)
            {
                await using var scope = services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(new StartCase("claim", null, ClaimScenario.StartData(), actor));
                if (outcome.Kind != OutcomeKind.Accepted)
                {
                    throw new InvalidOperationException("start refused: " + outcome.Kind);
                }

                if (pace is { } p)
                {
                    await Task.Delay(p);
                }
            }
        }));
    }

    private static async Task<int> OutboxCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "Outbox" """;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static void Row(string run, Result r)
    {
        var sorted = r.Latencies.Order().ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"| {run} | {r.Count} | {r.Rate:F0} | {Percentile(sorted, 0.5):F1} | {Percentile(sorted, 0.99):F1} | {(sorted.Count == 0 ? 0 : sorted[^1]):F1} |"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private sealed record Result(int Count, double Rate, List<double> Latencies);
}
