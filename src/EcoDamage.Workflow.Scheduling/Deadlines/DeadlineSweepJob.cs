using Quartz;

namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>
/// The Quartz job that enforces deadlines: each firing runs one <see cref="DeadlineSweeper.SweepAsync"/>.
/// Non-concurrent per job key, so a slow sweep delays the next firing instead of overlapping it; in a
/// cluster each lane's job runs on one node at a time.
/// </summary>
/// <param name="sweeper">The sweeper.</param>
[DisallowConcurrentExecution]
internal sealed class DeadlineSweepJob(DeadlineSweeper sweeper) : IJob
{
    /// <summary>The job group; lanes are <c>deadline-sweep-1…N</c>.</summary>
    public const string Group = "deadlines";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
}
