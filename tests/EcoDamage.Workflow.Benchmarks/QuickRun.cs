using System.Diagnostics;
using System.Globalization;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// A plain Stopwatch loop (a few seconds) for quick before/after comparisons; BenchmarkDotNet's full
/// run is the authoritative one. The two contenders alternate in short rounds and the median round is
/// reported, so load from other processes skews both alike.
/// </summary>
internal static class QuickRun
{
    private const int Rounds = 9;

    public static int Run(double seconds)
    {
        var scenario = new ClaimScenario();
        var (bare, triggers) = Baseline.Create(scenario);
        var contenders = new (string Name, Action Operation)[]
        {
            ("bare Stateless", () => bare.Run(triggers)),
            ("WorkflowEngine", () => scenario.Run()),
        };

        // Warm up (JIT tiers, the engine's machine pool).
        foreach (var (_, operation) in contenders)
        {
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed.TotalSeconds < 0.5)
            {
                operation();
            }
        }

        var ns = contenders.Select(_ => new List<double>()).ToArray();
        var bytes = new double[contenders.Length];
        var transitions = new long[contenders.Length];
        var roundSeconds = seconds / Rounds / contenders.Length;
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                var (perTransition, allocated, count) = Measure(contenders[c].Operation, roundSeconds);
                ns[c].Add(perTransition);
                bytes[c] += allocated;
                transitions[c] += count;
            }
        }

        var median = ns.Select(list => list.Order().ElementAt(list.Count / 2)).ToArray();
        for (var c = 0; c < contenders.Length; c++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{contenders[c].Name,-16} {median[c],9:F1} ns/transition (median of {Rounds} rounds; min {ns[c].Min():F1}, max {ns[c].Max():F1})  {bytes[c] / transitions[c],8:F1} B/transition"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio engine/bare: time {median[1] / median[0]:F2}x, allocations {bytes[1] / transitions[1] / (bytes[0] / transitions[0]):F2}x (target: time within 3x)"));
        return 0;
    }

    private static (double Ns, long Bytes, long Transitions) Measure(Action operation, double seconds)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long runs = 0;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 64; i++)
            {
                operation();
            }

            runs += 64;
        }

        clock.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        var transitions = runs * ClaimScenario.Steps;
        return (clock.Elapsed.TotalNanoseconds / transitions, bytes, transitions);
    }
}
