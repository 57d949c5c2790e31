using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EcoDamage.Workflow.Benchmarks;

// --quick: a Stopwatch loop of a few seconds (ns and bytes per transition, engine vs bare Stateless).
// --describe: prints everything the 12-step path does (to diff engine behaviour across optimizations).
// --runtime [--cases N] [--stored M]: the durable runtime on SQLite vs a raw Microsoft.Data.Sqlite floor,
//   and host memory over M stored cases (see RuntimeBench and docs/benchmarks.md).
// --inbound [--host URL] [--requests N]: signed inbound hooks vs API-key calls against a running host (InboundHookBench).
// --webhooks [--cases N] [--writers W] [--rabbitmq URI]: webhook deliveries/s and commit → receiver latency on the
//   embedded default and on RabbitMQ, against a raw HttpClient POST loop (see WebhookBench and docs/events-and-webhooks.md).
// --deadlines [--pending N] [--due M] [--steady S]: the deadline sweeper in the real host process (see DeadlineBench).
// --deadlines-ceiling [--due M]: the tick path in-process with commits discarded vs committed (see DeadlineCeiling).
// --search [--cases N] [--pg-cases M] [--samples S]: clue search and filtered lists over N stored cases, against the
//   old substring scan (see SearchBench).
// --auth [--requests N] [--concurrency C] [--rounds R]: an authorised case read with API key vs bearer token vs cookie
//   session, against an unauthenticated health call, on the real host (see AuthBench and docs/benchmarks.md).
// --migration [--cases N] [--clients C] [--baseline B]: dry run and execution of a migration of N running claims on SQLite,
//   and the p99 of ordinary commands during it vs without it (see MigrationBench and docs/benchmarks.md).
// Otherwise: BenchmarkDotNet (pass its usual arguments, e.g. --filter *).
if (args.Contains("--describe"))
{
    Console.Write(new ClaimScenario().Describe());
    return 0;
}

if (args.Contains("--deadlines-ceiling"))
{
    return await DeadlineCeiling.RunAsync(args);
}

if (args.Contains("--deadlines"))
{
    return await DeadlineBench.RunAsync(args);
}

if (args.Contains("--webhooks"))
{
    return await WebhookBench.RunAsync(args);
}

if (args.Contains("--runtime"))
{
    return await RuntimeBench.RunAsync(args);
}

if (args.Contains("--search"))
{
    return await SearchBench.RunAsync(args);
}

if (args.Contains("--auth"))
{
    return await AuthBench.RunAsync(args);
}

if (args.Contains("--migration"))
{
    return await MigrationBench.RunAsync(args);
}

if (args.Contains("--inbound"))
{
    return await InboundHookBench.RunAsync(args);
}

if (args.Contains("--quick"))
{
    return QuickRun.Run(seconds: 6);
}

var summary = BenchmarkRunner.Run<TransitionBenchmarks>(DefaultConfig.Instance, args);
return summary.HasCriticalValidationErrors ? 1 : 0;
