using System.Diagnostics;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// <c>--deadlines-ceiling [--due M]</c>: the tick path in-process over M due cases (load, engine tick, audited change
/// set), once with commits discarded and once committed through the store, to show how much of an escalation's cost
/// is the durable commit (one transaction and fsync per case until <c>CommitBatchAsync</c> groups them).
/// </summary>
internal static class DeadlineCeiling
{
    public static async Task<int> RunAsync(string[] args)
    {
        var due = BenchArgs.IntArg(args, "--due", 20_000);
        var folder = Directory.CreateTempSubdirectory("ecodamage-deadline-ceiling-").FullName;
        var seed = new DeadlineSeed(Path.Combine(folder, "ceiling.db"));
        await seed.CreateTemplateAsync();
        var at = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow).Minus(Duration.FromMinutes(1));
        await seed.InsertAsync("due", due, _ => at);
        var ids = Enumerable.Range(0, due).Select(n => "due" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var (snapshot, sequence, head) = seed.TemplateRow;
        DeadlinePhases.Run(snapshot, sequence, head, int.TryParse(Environment.GetEnvironmentVariable("ECODAMAGE_BENCH_PHASES"), out var n) ? n : 5_000);

        var discarded = await RunAsync(seed.ConnectionString, ids, discard: true);
        var committed = await RunAsync(seed.ConnectionString, ids, discard: false);
        Console.WriteLine(FormattableString.Invariant($"tick path over {due:N0} due cases on SQLite: commits discarded {discarded:F0}/s, committed one transaction each {committed:F0}/s (ratio {discarded / committed:F1})"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task<double> RunAsync(string connection, string[] ids, bool discard)
    {
        var services = new ServiceCollection()
            .AddSingleton(new WorkflowEngine(ShippedCatalog.Catalog))
            .AddSingleton(TimeProvider.System)
            .AddWorkflowRuntime()
            .AddWorkflowStorage(BenchStorage.Configuration(connection));
        if (discard)
        {
            services.AddScoped<IUnitOfWork, DiscardingUnitOfWork>();
        }

        await using var provider = services.BuildServiceProvider();
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var sw = Stopwatch.StartNew();
        var escalations = 0;
        foreach (var chunk in ids.Chunk(1000))
        {
            await using var scope = provider.CreateAsyncScope();
            escalations += (await scope.ServiceProvider.GetRequiredService<DeadlineTicker>().TickAsync(chunk, Duration.FromMinutes(1))).Escalations;
        }

        Console.WriteLine(FormattableString.Invariant(
            $"  {(discard ? "discarded" : "committed")}: {(GC.GetTotalAllocatedBytes() - allocated) / Math.Max(escalations, 1) / 1024.0:F1} KB allocated per escalation, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / sw.Elapsed.TotalMilliseconds:P1} of the time, {GC.CollectionCount(2) - gen2} gen-2 collections"));
        return escalations / sw.Elapsed.TotalSeconds;
    }

    private sealed class DiscardingUnitOfWork : IUnitOfWork
    {
        public Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default) =>
            Task.FromResult(CommitResult.Committed);
    }
}
