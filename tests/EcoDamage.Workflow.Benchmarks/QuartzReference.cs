using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>Quartz scheduling and firing N one-shot triggers (one per item), the design the sweeper avoids, as a reference.</summary>
internal static class QuartzReference
{
    private static int _fired;

    public sealed record Result(string Name, int Fired, double ScheduleRate, double FireRate, bool TimedOut);

    public static async Task<Result> RunAsync(string name, string? sqlite, int count, int capSeconds = 120)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(t => t.MaxConcurrency = 10);
            if (sqlite is null)
            {
                q.UseInMemoryStore();
            }
            else
            {
                q.UsePersistentStore(s =>
                {
                    s.ProvisionSchema();
                    s.UseSqlite(sqlite);
                });
            }
        });
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<CountingJob>().WithIdentity("count", "bench").StoreDurably().Build();
        var at = DateTimeOffset.UtcNow;
        var triggers = Enumerable.Range(0, count)
            .Select(i => (ITrigger)TriggerBuilder.Create().WithIdentity($"t{i}", "bench").ForJob(job).StartAt(at).Build())
            .ToArray();
        _fired = 0;
        var sw = Stopwatch.StartNew();
        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing);
        var scheduleSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        await scheduler.Start();
        while (Volatile.Read(ref _fired) < count && sw.Elapsed < TimeSpan.FromSeconds(capSeconds))
        {
            await Task.Delay(50);
        }

        var fireSeconds = sw.Elapsed.TotalSeconds;
        var fired = Volatile.Read(ref _fired);
        await scheduler.Shutdown(false);
        return new Result(name, fired, count / scheduleSeconds, fired / fireSeconds, fired < count);
    }

    private sealed class CountingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _fired);
            return ValueTask.CompletedTask;
        }
    }
}
