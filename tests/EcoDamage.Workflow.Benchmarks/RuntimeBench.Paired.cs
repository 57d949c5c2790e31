using System.Diagnostics;
using System.Globalization;
using EcoDamage.Workflow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// <c>--paired</c>: runtime and floor in one process, case by case (a runtime case's twelve transitions,
/// then a floor case's, the order swapped every case), each on its own file. On a shared machine whose
/// load changes from second to second, the separate-process rounds compare a runtime and a floor that ran
/// under different loads; here both sample the same moments. Memory figures come from the separate phases.
/// </summary>
internal static partial class RuntimeBench
{
    private static void PairedRounds(string folder, int cases, int stored, string captureFile, int rounds)
    {
        var results = new List<Dictionary<string, double>>();
        for (var round = 0; round < rounds; round++)
        {
            results.Add(Child("paired", Fresh(folder, "paired-runtime.db"), cases, stored, captureFile, "--floor-db", Fresh(folder, "paired-floor.db")));
        }

        Console.WriteLine();
        Console.WriteLine("Paired (one process, runtime and floor case by case, each on its own file; sequential, one transaction per transition):");
        Console.WriteLine("| round | runtime transitions/s | runtime p50 µs | runtime p99 µs | floor transitions/s | floor p50 µs | floor p99 µs | ratio |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var round = 0; round < rounds; round++)
        {
            var r = results[round];
            Console.WriteLine(FormattableString.Invariant(
                $"| {round + 1} | {r["tps"]:F0} | {r["p50"]:F0} | {r["p99"]:F0} | {r["floorTps"]:F0} | {r["floorP50"]:F0} | {r["floorP99"]:F0} | {r["tps"] / r["floorTps"]:F2} |"));
        }

        var ratios = results.Select(r => r["tps"] / r["floorTps"]).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"paired runtime/floor throughput per round: {string.Join(", ", ratios.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}; median {Percentile(ratios, 0.5):F2} (target >= 0.50)"));
    }

    private static async Task<Dictionary<string, double>> PairedPhaseAsync(string db, string floorDb, int cases)
    {
        var clock = new BenchClock();
        await using var services = Host(db, clock);
        await MigrateAsync(services);
        var capture = await WarmUpAndCaptureAsync(services, clock);
        long synchronous;
        await using (var floorServices = Host(floorDb, new BenchClock()))
        {
            await MigrateAsync(floorServices); // the same schema and indexes as the runtime's file
            await using var scope = floorServices.CreateAsyncScope();
            synchronous = (await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync()).Single();
        }

        SqliteConnection.ClearAllPools();
        await using var floor = await FloorWriter.OpenAsync(floorDb, synchronous, capture);
        var ft = new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero);
        var (warmIds, warmHeads) = await floor.CreateAsync(1, ft);
        for (var step = 0; step < ClaimScenario.Steps; step++)
        {
            warmHeads = await floor.StepAsync(warmIds, warmHeads, step, ft = ft.AddHours(1));
        }

        var runtimeLatencies = new List<double>(cases * ClaimScenario.Steps);
        var floorLatencies = new List<double>(cases * ClaimScenario.Steps);
        var baseTime = clock.Now.AddDays(1);
        for (var c = 0; c < cases; c++)
        {
            for (var half = 0; half < 2; half++)
            {
                if ((half == 0) == (c % 2 == 0))
                {
                    var t0 = baseTime.AddHours(c * 13);
                    clock.Now = t0;
                    var id = (await SendAsync(services, Start())).CaseId;
                    foreach (var type in ClaimScenario.Documents)
                    {
                        await SendAsync(services, Attach(id, type));
                    }

                    for (var step = 0; step < ClaimScenario.Steps; step++)
                    {
                        clock.Now = t0.AddHours(step + 1);
                        var command = Fire(id, step);
                        var s = Stopwatch.GetTimestamp();
                        await SendAsync(services, command);
                        runtimeLatencies.Add(Stopwatch.GetElapsedTime(s).TotalMicroseconds);
                    }
                }
                else
                {
                    var (ids, heads) = await floor.CreateAsync(1, ft);
                    for (var step = 0; step < ClaimScenario.Steps; step++)
                    {
                        ft = ft.AddHours(1);
                        var s = Stopwatch.GetTimestamp();
                        heads = await floor.StepAsync(ids, heads, step, ft);
                        floorLatencies.Add(Stopwatch.GetElapsedTime(s).TotalMicroseconds);
                    }
                }
            }
        }

        var r = Figures(runtimeLatencies, TimeSpan.FromMicroseconds(runtimeLatencies.Sum()), 0);
        r["floorTps"] = floorLatencies.Count / (floorLatencies.Sum() / 1e6);
        r["floorP50"] = Percentile(floorLatencies, 0.50);
        r["floorP99"] = Percentile(floorLatencies, 0.99);
        return r;
    }
}
