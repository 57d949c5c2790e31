using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static EcoDamage.Workflow.Benchmarks.BenchArgs;

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
            .AddWorkflowStorage(BenchStorage.Configuration($"Data Source={db}"));
        return (_breakdown ? Breakdown.Wrap(services) : services).BuildServiceProvider();
    }

    private static async Task MigrateAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync();
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
}
