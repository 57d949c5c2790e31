using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EcoDamage.Workflow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>The runtime benchmark's phases, each run in its own child process: runtime, floor, populate, host.</summary>
internal static partial class RuntimeBench
{
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
}
