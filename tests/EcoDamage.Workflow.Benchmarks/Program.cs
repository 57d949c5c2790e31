using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EcoDamage.Workflow.Benchmarks;

// --quick: a Stopwatch loop of a few seconds (ns and bytes per transition, engine vs bare Stateless).
// --describe: prints everything the 12-step path does (to diff engine behaviour across optimizations).
// Otherwise: BenchmarkDotNet (pass its usual arguments, e.g. --filter *).
if (args.Contains("--describe"))
{
    Console.Write(new ClaimScenario().Describe());
    return 0;
}

if (args.Contains("--quick"))
{
    return QuickRun.Run(seconds: 6);
}

var summary = BenchmarkRunner.Run<TransitionBenchmarks>(DefaultConfig.Instance, args);
return summary.HasCriticalValidationErrors ? 1 : 0;
