using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// <c>--concurrency K</c>: after the sequential rounds, K commands in flight at once (K workers, each driving
/// its share of the cases step by step), against a floor that commits K transitions per transaction (the
/// ideal group commit). Reported as separate rows: the headline ratio stays the sequential one.
/// </summary>
internal static partial class RuntimeBench
{
    private static void ConcurrentRounds(string folder, int cases, int stored, string captureFile, int rounds, int concurrency)
    {
        var k = concurrency.ToString(CultureInfo.InvariantCulture);
        var runtimes = new List<Dictionary<string, double>>();
        var floors = new List<Dictionary<string, double>>();
        for (var round = 0; round < rounds; round++)
        {
            runtimes.Add(Child("runtime-concurrent", Fresh(folder, "runtime-concurrent.db"), cases, stored, captureFile, "--concurrency", k));
            floors.Add(Child("floor-grouped", Fresh(folder, "floor-grouped.db"), cases, stored, captureFile, "--concurrency", k));
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Concurrent: {concurrency} commands in flight (runtime; p50/p99 per command) vs {concurrency} transitions per transaction (floor; p50/p99 per transaction); transitions/s over wall time"));
        Console.WriteLine("| round | run | transitions | transitions/s | p50 µs | p99 µs | max µs | peak working set MB | peak managed MB | allocated KB/transition |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var round = 0; round < rounds; round++)
        {
            Row(round + 1, FormattableString.Invariant($"runtime, {concurrency} concurrent commands (group commit)"), runtimes[round]);
            Row(round + 1, FormattableString.Invariant($"floor, {concurrency} transitions per transaction"), floors[round]);
        }

        var ratios = Enumerable.Range(0, rounds).Select(i => runtimes[i]["tps"] / floors[i]["tps"]).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"concurrent runtime/grouped floor per round: {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; median {Percentile(ratios, 0.5):F2}"));
    }

    private static async Task<Dictionary<string, double>> ConcurrentRuntimePhaseAsync(string db, int cases, int concurrency)
    {
        var clock = new BenchClock();
        await using var services = Host(db, clock);
        await MigrateAsync(services);
        _ = await WarmUpAndCaptureAsync(services, clock);

        // Setup, not timed: every case started and given its documents.
        clock.Now = clock.Now.AddDays(1);
        var ids = new string[cases];
        for (var c = 0; c < cases; c++)
        {
            ids[c] = (await SendAsync(services, Start())).CaseId;
            foreach (var type in ClaimScenario.Documents)
            {
                await SendAsync(services, Attach(ids[c], type));
            }
        }

        // The clock only moves between steps (all workers fire step s before any fires s + 1), so each
        // command sees the time its sequential twin saw.
        var latencies = new ConcurrentBag<double>();
        long managedPeak = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        var t0 = clock.Now;
        for (var step = 0; step < ClaimScenario.Steps; step++)
        {
            clock.Now = t0.AddHours(step + 1);
            var s = step;
            var next = -1;
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                for (var c = Interlocked.Increment(ref next); c < cases; c = Interlocked.Increment(ref next))
                {
                    var command = Fire(ids[c], s);
                    var start = Stopwatch.GetTimestamp();
                    await SendAsync(services, command);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }));
            await Task.WhenAll(workers);
            managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false));
        }

        wall.Stop();
        var list = latencies.ToList();
        var r = Figures(list, wall.Elapsed, managedPeak);
        r["allocPerTransition"] = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)list.Count;
        return r;
    }
}
