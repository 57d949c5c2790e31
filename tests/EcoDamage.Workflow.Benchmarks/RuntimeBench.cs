using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// The durable-runtime benchmark (<c>--runtime [--cases N] [--stored M]</c>). Every phase runs in its own
/// child process so that each reports its own peak working set:
/// <list type="number">
/// <item><c>runtime</c>: N claims on a fresh SQLite file (WAL), each started, given its seven documents
/// (AttachDocument commands, timed separately) and driven through <see cref="ClaimScenario"/>'s twelve
/// triggers via <see cref="CaseCommandHandler"/>, one DI scope per command as a host would.</item>
/// <item><c>floor</c>: the same number of transitions as raw Microsoft.Data.Sqlite writes (version-checked
/// case update, hash-chained audit insert, outbox insert, one transaction each) with the runtime's
/// snapshot/payload texts.</item>
/// <item><c>populate</c> + <c>host</c>: a store pre-filled with M cases by raw SQL, then a fresh process that
/// opens it, migrates and runs commands on a handful of cases; compared with a 1,000-case store.</item>
/// </list>
/// </summary>
internal static partial class RuntimeBench
{
    private const string Folder = "bench-data";

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = IntArg(args, "--cases", 300);
        var stored = IntArg(args, "--stored", 100_000);
        _breakdown = args.Contains("--breakdown");
        using var subscription = _breakdown ? DiagnosticListener.AllListeners.Subscribe(Counter) : null;
        if (Arg(args, "--phase") is { } phase)
        {
            var db = Arg(args, "--db")!;
            var capture = Arg(args, "--capture")!;
            var result = phase switch
            {
                "runtime" => await RuntimePhaseAsync(db, cases, capture),
                "floor" => await FloorPhaseAsync(db, cases, capture),
                "runtime-concurrent" => await ConcurrentRuntimePhaseAsync(db, cases, IntArg(args, "--concurrency", 8)),
                "paired" => await PairedPhaseAsync(db, Arg(args, "--floor-db")!, cases),
                "floor-grouped" => await FloorPhaseAsync(db, cases, capture, IntArg(args, "--concurrency", 8)),
                "populate" => await PopulatePhaseAsync(db, stored, capture),
                "host" => await HostPhaseAsync(db, capture),
                _ => throw new ArgumentException("unknown phase " + phase),
            };
            Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
            return 0;
        }

        var folder = Path.GetFullPath(Folder);
        Directory.CreateDirectory(folder);
        var captureFile = Path.Combine(folder, "capture.json");
        Console.WriteLine(FormattableString.Invariant($"Durable runtime benchmark: {cases} cases x {ClaimScenario.Steps} transitions, SQLite files in {folder}"));
        // Runtime and floor alternate over several rounds so that both see the same machine load.
        var rounds = IntArg(args, "--rounds", 3);
        var runtimes = new List<Dictionary<string, double>>();
        var floors = new List<Dictionary<string, double>>();
        for (var round = 0; round < rounds; round++)
        {
            runtimes.Add(Child("runtime", Fresh(folder, "runtime.db"), cases, stored, captureFile, _breakdown ? "--breakdown" : null));
            floors.Add(Child("floor", Fresh(folder, "floor.db"), cases, stored, captureFile));
        }

        Console.WriteLine();
        Console.WriteLine("| round | run | transitions | transitions/s | p50 µs | p99 µs | max µs | peak working set MB | peak managed MB | allocated KB/transition |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var round = 0; round < rounds; round++)
        {
            Row(round + 1, "runtime (CaseCommandHandler + storage)", runtimes[round]);
            Row(round + 1, "floor (raw Microsoft.Data.Sqlite)", floors[round]);
        }

        var ratios = Enumerable.Range(0, rounds).Select(i => runtimes[i]["tps"] / floors[i]["tps"]).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"runtime/floor throughput per round: {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; median {Percentile(ratios, 0.5):F2} (target >= 0.50)"));
        if (args.Contains("--paired"))
        {
            PairedRounds(folder, cases, stored, captureFile, rounds);
        }

        if (IntArg(args, "--concurrency", 1) is var concurrency and > 1)
        {
            ConcurrentRounds(folder, cases, stored, captureFile, rounds, concurrency);
        }

        var runtime = runtimes[^1];
        Console.WriteLine(FormattableString.Invariant($"document attachments (runtime, setup, not in the figures above): {runtime["attachTps"]:F0}/s, p50 {runtime["attachP50"]:F0} µs"));
        Console.WriteLine(FormattableString.Invariant($"PRAGMA synchronous seen on the runtime's connection: {runtime["synchronous"]} (floor set to the same)"));

        Console.WriteLine();
        var small = StoredRun(folder, "stored-small.db", 1_000, captureFile);
        var large = StoredRun(folder, "stored-large.db", stored, captureFile);
        Console.WriteLine("| stored cases | db MB | WS at start MB | WS after migrate MB | WS after commands MB | peak WS MB | managed MB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (m, r) in new[] { (1_000, small), (stored, large) })
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {m:N0} | {r["dbMB"]:F0} | {r["wsStart"]:F1} | {r["wsMigrated"]:F1} | {r["wsAfter"]:F1} | {r["wsPeak"]:F1} | {r["managed"]:F1} |"));
        }

        Console.WriteLine(FormattableString.Invariant($"peak working set ratio {stored:N0} / 1,000 stored cases: {large["wsPeak"] / small["wsPeak"]:F2} (target: < 300 MB)"));
        return 0;
    }

    private static Dictionary<string, double> StoredRun(string folder, string name, int m, string capture)
    {
        var db = Fresh(folder, name);
        var sw = Stopwatch.StartNew();
        Child("populate", db, 0, m, capture);
        Console.WriteLine(FormattableString.Invariant($"populated {m:N0} cases in {sw.Elapsed.TotalSeconds:F1} s"));
        var r = Child("host", db, 0, m, capture);
        r["dbMB"] = new FileInfo(db).Length / 1048576.0;
        return r;
    }

    private static void Row(int round, string name, Dictionary<string, double> r) => Console.WriteLine(FormattableString.Invariant(
        $"| {round} | {name} | {r["transitions"]:F0} | {r["tps"]:F0} | {r["p50"]:F0} | {r["p99"]:F0} | {r["max"]:F0} | {r["wsPeak"]:F1} | {r["managedPeak"]:F1} | {r["allocPerTransition"] / 1024:F1} |"));

    private static string Fresh(string folder, string name)
    {
        var file = Path.Combine(folder, name);
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(f);
        }

        return file;
    }

    private static Dictionary<string, double> Child(string phase, string db, int cases, int stored, string capture, params string?[] extra)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RuntimeBench).Assembly.Location);
        }

        foreach (var a in new[] { "--runtime", "--phase", phase, "--db", db, "--cases", cases.ToString(CultureInfo.InvariantCulture), "--stored", stored.ToString(CultureInfo.InvariantCulture), "--capture", capture })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var e in extra.OfType<string>())
        {
            start.ArgumentList.Add(e);
        }

        using var process = Process.Start(start)!;
        Dictionary<string, double>? result = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<Dictionary<string, double>>(line["RESULT ".Length..]);
            }
            else
            {
                Console.WriteLine("  [" + phase + "] " + line);
            }
        }

        process.WaitForExit();
        return process.ExitCode == 0 && result is not null ? result : throw new InvalidOperationException($"phase {phase} failed ({process.ExitCode})");
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int IntArg(string[] args, string name, int fallback) =>
        Arg(args, name) is { } v ? int.Parse(v, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    private static double Mb(long bytes) => bytes / 1048576.0;

    private static long WorkingSet()
    {
        using var p = Process.GetCurrentProcess();
        return p.WorkingSet64;
    }

    private static long PeakWorkingSet()
    {
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64;
    }

    // ---------------------------------------------------------------- runtime

    /// <summary>A clock the benchmark sets before each command (each case lives in its own 13-hour window).</summary>
    private sealed class BenchClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static bool _breakdown;

    private static readonly EfEventCounter Counter = new();

    private static ServiceProvider Host(string db, BenchClock clock)
    {
        var services = new ServiceCollection()
            .AddSingleton(new WorkflowEngine(ShippedCatalog.Catalog))
            .AddSingleton<TimeProvider>(clock)
            .AddWorkflowRuntime()
            .AddWorkflowStorage(o =>
            {
                o.Provider = StorageProvider.Sqlite;
                o.ConnectionString = $"Data Source={db}";
            });
        return (_breakdown ? Breakdown.Wrap(services) : services).BuildServiceProvider();
    }

    private static async Task MigrateAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowStorageMigrator>().MigrateAsync();
    }

    private static async Task<CommandOutcome> SendAsync(ServiceProvider services, CaseCommand command)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(command);
        return outcome.Kind == OutcomeKind.Accepted
            ? outcome
            : throw new InvalidOperationException($"{command.GetType().Name}: {outcome.Kind} {string.Join("; ", outcome.Refusals.Select(r => r.Message))}");
    }

    private static readonly Actor Starter = new("u1", "handlingDepartment");

    private static StartCase Start() => new("claim", null, ClaimScenario.StartData(), Starter);

    private static AttachDocument Attach(string caseId, string type) => new(
        caseId, type, new LocalDate(2026, 3, 2), type + ".pdf", "application/pdf", 1024,
        DocumentHash.Of(Encoding.UTF8.GetBytes(type)), Starter);

    private static FireTrigger Fire(string caseId, int step)
    {
        var (trigger, role, data, _) = ClaimScenario.Path[step];
        return new FireTrigger(caseId, trigger, data.ToDictionary(d => d.Key, d => (object?)d.Value, StringComparer.Ordinal), new Actor("u-" + role, role));
    }

    /// <summary>What the floor writes: the runtime's own texts for each of the twelve steps of one case.</summary>
    internal sealed record Capture(string[] Snapshots, string[] States, string[] AuditPayloads, string[] OutboxPayloads, string Stored, string StoredState);

    private static async Task<Dictionary<string, double>> RuntimePhaseAsync(string db, int cases, string captureFile)
    {
        var clock = new BenchClock();
        await using var services = Host(db, clock);
        await MigrateAsync(services);
        string synchronous;
        await using (var scope = services.CreateAsyncScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            synchronous = (await ctx.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync()).Single().ToString(CultureInfo.InvariantCulture);
        }

        // Warm-up case (JIT, EF model, SQLite statement cache), also captured for the floor.
        var capture = await WarmUpAndCaptureAsync(services, clock);
        await File.WriteAllTextAsync(captureFile, JsonSerializer.Serialize(capture));

        var latencies = new List<double>(cases * ClaimScenario.Steps);
        var attach = new List<double>(cases * ClaimScenario.Documents.Length);
        long managedPeak = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var measured = TimeSpan.Zero;
        (Breakdown.LoadMicros, Breakdown.CommitMicros, Breakdown.Loads, Breakdown.Commits) = (0, 0, 0, 0);
        var baseTime = clock.Now.AddDays(1);
        for (var c = 0; c < cases; c++)
        {
            var t0 = baseTime.AddHours(c * 13);
            clock.Now = t0;
            var id = (await SendAsync(services, Start())).CaseId;
            foreach (var type in ClaimScenario.Documents)
            {
                var a = Stopwatch.GetTimestamp();
                await SendAsync(services, Attach(id, type));
                attach.Add(Stopwatch.GetElapsedTime(a).TotalMicroseconds);
            }

            for (var step = 0; step < ClaimScenario.Steps; step++)
            {
                clock.Now = t0.AddHours(step + 1);
                var command = Fire(id, step);
                var s = Stopwatch.GetTimestamp();
                await SendAsync(services, command);
                var elapsed = Stopwatch.GetElapsedTime(s);
                measured += elapsed;
                latencies.Add(elapsed.TotalMicroseconds);
            }

            managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false));
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var r = Figures(latencies, measured, managedPeak);
        // Allocation includes the start and attach commands' share; spread over the timed transitions.
        r["allocPerTransition"] = allocated / (double)latencies.Count;
        r["attachTps"] = attach.Count / (attach.Sum() / 1e6);
        r["attachP50"] = Percentile(attach, 0.50);
        if (_breakdown)
        {
            foreach (var (name, count) in Counter.Counts.Where(kv => kv.Value > 100).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(FormattableString.Invariant($"ef event {name}: {count}"));
            }

            // Over every command of the run (start, attach and fire).
            Console.WriteLine(FormattableString.Invariant(
                $"breakdown: load {Breakdown.LoadMicros / Breakdown.Loads:F0} µs x {Breakdown.Loads}, commit {Breakdown.CommitMicros / Breakdown.Commits:F0} µs x {Breakdown.Commits}"));
        }

        r["synchronous"] = double.Parse(synchronous, CultureInfo.InvariantCulture);
        return r;
    }

    private static async Task<Capture> WarmUpAndCaptureAsync(ServiceProvider services, BenchClock clock)
    {
        var id = (await SendAsync(services, Start())).CaseId;
        foreach (var type in ClaimScenario.Documents)
        {
            await SendAsync(services, Attach(id, type));
        }

        var snapshots = new string[ClaimScenario.Steps];
        var states = new string[ClaimScenario.Steps];
        var audit = new string[ClaimScenario.Steps];
        var outbox = new string[ClaimScenario.Steps];
        var t0 = clock.Now;
        string stored = "", storedState = "";
        for (var step = 0; step < ClaimScenario.Steps; step++)
        {
            clock.Now = t0.AddHours(step + 1);
            await SendAsync(services, Fire(id, step));
            await using var scope = services.CreateAsyncScope();
            var connection = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            snapshots[step] = await ScalarAsync(connection, "SELECT Snapshot FROM Cases WHERE Id = $id", id);
            states[step] = await ScalarAsync(connection, "SELECT State FROM Cases WHERE Id = $id", id);
            audit[step] = await ScalarAsync(connection, "SELECT Payload FROM AuditEvents WHERE CaseId = $id ORDER BY Sequence DESC LIMIT 1", id);
            outbox[step] = await ScalarAsync(connection, "SELECT Payload FROM Outbox WHERE CaseId = $id ORDER BY Id DESC LIMIT 1", id);
            if (step == 8)
            {
                // Mid-path (ConsultationPreparation after DeliverAppraisal, documents attached): the template for pre-populated cases.
                (stored, storedState) = (snapshots[step], states[step]);
            }
        }

        return new Capture(snapshots, states, audit, outbox, stored, storedState);
    }

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql, string id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "$id";
        p.Value = id;
        command.Parameters.Add(p);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static Dictionary<string, double> Figures(List<double> latencies, TimeSpan measured, long managedPeak) => new()
    {
        ["transitions"] = latencies.Count,
        ["tps"] = latencies.Count / measured.TotalSeconds,
        ["p50"] = Percentile(latencies, 0.50),
        ["p99"] = Percentile(latencies, 0.99),
        ["max"] = latencies.Max(),
        ["wsPeak"] = Mb(PeakWorkingSet()),
        ["managedPeak"] = Mb(managedPeak),
    };

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    // ---------------------------------------------------------------- floor

    /// <summary>
    /// The floor. With <paramref name="group"/> &gt; 1, <paramref name="group"/> cases advance together and
    /// their transitions share one transaction (the ideal group commit, for the concurrent rows); latencies
    /// are then per transaction and throughput is transitions over wall time.
    /// </summary>
    private static async Task<Dictionary<string, double>> FloorPhaseAsync(string db, int cases, string captureFile, int group = 1)
    {
        var capture = JsonSerializer.Deserialize<Capture>(await File.ReadAllTextAsync(captureFile))!;
        var clock = new BenchClock();
        long synchronous;
        await using (var services = Host(db, clock))
        {
            // The same schema and indexes as the runtime's file.
            await MigrateAsync(services);
            await using var scope = services.CreateAsyncScope();
            var ctx = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            synchronous = (await ctx.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync()).Single();
        }

        SqliteConnection.ClearAllPools();
        await using var floor = await FloorWriter.OpenAsync(db, synchronous, capture);
        var latencies = new List<double>(cases * ClaimScenario.Steps);
        long managedPeak = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var measured = TimeSpan.Zero;
        var t = new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero);
        var transitions = 0;
        for (var first = -group; first < cases; first += group) // the first group warms up
        {
            var size = first < 0 ? group : Math.Min(group, cases - first);
            var (ids, heads) = await floor.CreateAsync(size, t);
            for (var step = 0; step < ClaimScenario.Steps; step++)
            {
                t = t.AddHours(1);
                var s = Stopwatch.GetTimestamp();
                heads = await floor.StepAsync(ids, heads, step, t);
                if (first >= 0)
                {
                    var elapsed = Stopwatch.GetElapsedTime(s);
                    measured += elapsed;
                    latencies.Add(elapsed.TotalMicroseconds);
                    transitions += size;
                }
            }

            managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false));
        }

        var r = Figures(latencies, measured, managedPeak);
        r["allocPerTransition"] = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)(transitions + (group * ClaimScenario.Steps));
        r["transitions"] = transitions;
        r["tps"] = transitions / measured.TotalSeconds;
        return r;
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    // ---------------------------------------------------------------- stored cases

    private static async Task<Dictionary<string, double>> PopulatePhaseAsync(string db, int m, string captureFile)
    {
        var capture = JsonSerializer.Deserialize<Capture>(await File.ReadAllTextAsync(captureFile))!;
        await using (var services = Host(db, new BenchClock()))
        {
            await MigrateAsync(services);
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA synchronous=OFF;"); // bulk load only; the measured host uses the defaults
        var templateId = JsonDocument.Parse(capture.Stored).RootElement.GetProperty("id").GetString()!;
        await using var insert = FloorWriter.Prepare(connection,
            "INSERT INTO Cases (Id, DefinitionId, DefinitionVersion, State, Version, Snapshot, AuditSequence, AuditHead, CreatedAt, UpdatedAt) VALUES ($id, 'claim', '1.0.0', $state, $v, $snapshot, $seq, $head, $at, $at)",
            "$id", "$state", "$v", "$snapshot", "$seq", "$head", "$at");
        var version = JsonDocument.Parse(capture.Stored).RootElement.GetProperty("version").GetInt64();
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int Batch = 20_000;
        for (var i = 0; i < m; i += Batch)
        {
            await using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            for (var j = i; j < Math.Min(m, i + Batch); j++)
            {
                var id = FormattableString.Invariant($"stored{j:D10}");
                FloorWriter.Set(insert, id, capture.StoredState, version, capture.Stored.Replace(templateId, id, StringComparison.Ordinal),
                    version + 1, "ab" + new string('0', 62), at.AddSeconds(j).ToUnixTimeMilliseconds() * 10_000);
                await insert.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new Dictionary<string, double> { ["stored"] = m, ["snapshotBytes"] = capture.Stored.Length };
    }

    private static async Task<Dictionary<string, double>> HostPhaseAsync(string db, string captureFile)
    {
        var capture = JsonSerializer.Deserialize<Capture>(await File.ReadAllTextAsync(captureFile))!;
        var wsStart = WorkingSet();
        var clock = new BenchClock { Now = new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero) };
        await using var services = Host(db, clock);
        await MigrateAsync(services);
        var wsMigrated = WorkingSet();
        // A handful of stored cases: each fires the step that follows the template's state (step 9, ClaimPunitiveDamages) ...
        for (var k = 0; k < 5; k++)
        {
            var id = FormattableString.Invariant($"stored{k * 197:D10}");
            clock.Now = clock.Now.AddHours(1);
            await SendAsync(services, Fire(id, 9));
        }

        // ... and five new claims run the whole path.
        for (var k = 0; k < 5; k++)
        {
            var id = (await SendAsync(services, Start())).CaseId;
            foreach (var type in ClaimScenario.Documents)
            {
                await SendAsync(services, Attach(id, type));
            }

            var t0 = clock.Now;
            for (var step = 0; step < ClaimScenario.Steps; step++)
            {
                clock.Now = t0.AddHours(step + 1);
                await SendAsync(services, Fire(id, step));
            }
        }

        _ = capture;
        return new Dictionary<string, double>
        {
            ["wsStart"] = Mb(wsStart),
            ["wsMigrated"] = Mb(wsMigrated),
            ["wsAfter"] = Mb(WorkingSet()),
            ["wsPeak"] = Mb(PeakWorkingSet()),
            ["managed"] = Mb(GC.GetTotalMemory(false)),
        };
    }
}
