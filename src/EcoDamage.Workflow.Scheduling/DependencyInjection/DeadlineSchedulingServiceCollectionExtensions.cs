using EcoDamage.Workflow.Scheduling.Deadlines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
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
    /// whose <see cref="DeadlineOptions.Lanes"/> sweep jobs (each with its own trigger) fire every
    /// <see cref="DeadlineOptions.SweepInterval"/>, started and stopped with the host. Quartz keeps its jobs in an
    /// AdoJobStore on the case database (<see cref="JobStoreDatabaseOptions"/>, from the <c>Storage</c> section; its tables
    /// created at start when missing; clustered on PostgreSQL) or, with <see cref="DeadlineJobStore.Memory"/>, in memory.
    /// Quartz reads the container's <see cref="TimeProvider"/>, the one the engine and runtime use. The deadline queue
    /// and ticker come from the runtime's ports (a store's <c>IDeadlineQueue</c>, <c>AddWorkflowRuntime</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding the <c>Deadlines</c> section and, for the persistent job store, the <c>Storage</c> section.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed): the jobs cannot be laid out.</exception>
    public static IServiceCollection AddDeadlineScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DeadlineOptions.SectionName);
        var databaseSection = configuration.GetSection(JobStoreDatabaseOptions.SectionName);

        // Read once, now: Enabled, Lanes and the job store decide what Quartz is given. The same values back IOptions,
        // validated at start too.
        var options = section.Get<DeadlineOptions>() ?? new DeadlineOptions();
        var problems = new DeadlineOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
        var database = new JobStoreDatabaseOptions();
        if (options.Enabled && options.JobStore == DeadlineJobStore.Persistent)
        {
            database = databaseSection.Get<JobStoreDatabaseOptions>() ?? database;
            problems.AddRange(new JobStoreDatabaseOptionsValidator().Validate(null, database).Failures ?? []);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid deadline options: " + string.Join("; ", problems), nameof(configuration));
        }

        services.AddSingleton<IValidateOptions<DeadlineOptions>, DeadlineOptionsValidator>();
        services.AddOptions<DeadlineOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeadlineOptions>>().Value);
        services.AddSingleton<DeadlineSweeper>();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            // One durable job deadline-sweep-N per lane, each with its own trigger of the same name.
            for (var n = 1; n <= options.Lanes; n++)
            {
                // Quartz runs the configure callbacks later: each lane's name is fixed now, not read from the loop variable then.
                var name = $"deadline-sweep-{n}";
                var key = new JobKey(name, DeadlineSweepJob.Group);
                q.AddJob<DeadlineSweepJob>(j => j.WithIdentity(key).StoreDurably().WithDescription("Claims due deadline rows and ticks their cases"));
                q.AddTrigger(t => t
                    .ForJob(key)
                    .WithIdentity(name, DeadlineSweepJob.Group)
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
                if (database.Provider == JobStoreProvider.PostgreSql)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
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
