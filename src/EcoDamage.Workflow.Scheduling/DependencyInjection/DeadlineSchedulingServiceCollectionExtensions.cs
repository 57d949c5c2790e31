using EcoDamage.Workflow.Scheduling.Deadlines;
using EcoDamage.Workflow.Storage;
using Quartz;

// Extension methods on IServiceCollection live in its namespace, so Program.cs needs no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers deadline enforcement on Quartz.NET.</summary>
public static class DeadlineSchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="DeadlineSweeper"/> and, when <see cref="DeadlineOptions.Enabled"/>, a Quartz scheduler
    /// whose <see cref="DeadlineOptions.Lanes"/> sweep jobs fire every <see cref="DeadlineOptions.SweepInterval"/>,
    /// started and stopped with the host. Quartz keeps its jobs in an AdoJobStore on the case database (its tables
    /// created at start when missing; clustered on PostgreSQL) or, with <see cref="DeadlineJobStore.Memory"/>, in
    /// memory. Quartz reads the container's <see cref="TimeProvider"/>, the one the engine and runtime use.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The sweeper's options.</param>
    /// <param name="storage">The case store the job store shares.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public static IServiceCollection AddDeadlineScheduling(this IServiceCollection services, DeadlineOptions options, WorkflowStorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("invalid deadline options: " + string.Join("; ", problems), nameof(options));
        }

        services.AddSingleton(options);
        services.AddSingleton<DeadlineSweeper>();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            for (var lane = 1; lane <= options.Lanes; lane++)
            {
                var key = new JobKey($"deadline-sweep-{lane}", DeadlineSweepJob.Group);
                q.AddJob<DeadlineSweepJob>(j => j.WithIdentity(key).StoreDurably().WithDescription("Claims due deadline rows and ticks their cases"));
                q.AddTrigger(t => t
                    .ForJob(key)
                    .WithIdentity($"deadline-sweep-{lane}", DeadlineSweepJob.Group)
                    .StartNow()
                    // A sweep catches up on everything due, so firings missed while the node was down or busy are
                    // skipped, not replayed; the interval is a pause after each sweep, so sweeps never queue up.
                    .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever().MeasureIntervalFromCompletion()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }

            if (options.JobStore == DeadlineJobStore.Memory)
            {
                q.UseInMemoryStore();
                return;
            }

            q.UsePersistentStore(store =>
            {
                store.ProvisionSchema();
                if (storage.Provider == StorageProvider.PostgreSql)
                {
                    store.UsePostgres(storage.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                }
                else
                {
                    store.UseSqlite(storage.ConnectionString);
                }
            });
            if (options.InstanceId.Length > 0)
            {
                q.ConfigureScheduler(s => s.InstanceId = options.InstanceId);
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
