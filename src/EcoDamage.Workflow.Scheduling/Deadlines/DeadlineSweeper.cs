using System.Diagnostics;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>
/// One sweep: claims due deadline rows in batches and ticks their cases (<see cref="DeadlineTicker"/>),
/// until fewer rows than a batch are due, a batch makes no progress, or <see cref="DeadlineOptions.MaxSweepDuration"/>
/// has passed. Missed due instants (the service was down) are simply due rows: the first sweep fires them, late-marked.
/// </summary>
/// <param name="scopes">Creates a scope (database context, unit of work) per batch.</param>
/// <param name="options">The sweeper's options.</param>
/// <param name="time">The one clock.</param>
/// <param name="logger">Logs failures and progress.</param>
public sealed partial class DeadlineSweeper(IServiceScopeFactory scopes, DeadlineOptions options, TimeProvider time, ILogger<DeadlineSweeper> logger)
{
    private long _escalations;

    /// <summary>Escalations this sweeper committed since it was created (on this node).</summary>
    public long Escalations => Interlocked.Read(ref _escalations);

    /// <summary>Sweeps now.</summary>
    /// <param name="cancellationToken">Stops between batches (a batch's commit completes or writes nothing).</param>
    /// <returns>What the sweep did, summed over its batches.</returns>
    public async Task<DeadlineTickSummary> SweepAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var total = DeadlineTickSummary.Empty;
        var lateness = new List<Duration>();
        var failures = new List<DeadlineTickFailure>();
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<IDeadlineQueue>();
            var ticker = scope.ServiceProvider.GetRequiredService<DeadlineTicker>();
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var claimed = await queue.ClaimDueAsync(now, options.BatchSize, Duration.FromTimeSpan(options.Lease), cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                break;
            }

            var batch = await ticker.TickAsync(claimed, Duration.FromTimeSpan(options.LateAfter), cancellationToken).ConfigureAwait(false);
            lateness.AddRange(batch.Lateness);
            failures.AddRange(batch.Failures);
            Interlocked.Add(ref _escalations, batch.Escalations);
            total = new DeadlineTickSummary(
                total.Cases + batch.Cases, total.Reminders + batch.Reminders, total.Overdue + batch.Overdue,
                total.Escalations + batch.Escalations, total.Conflicts + batch.Conflicts, lateness)
            {
                Failures = failures,
            };
            if (batch.Conflicts > 0)
            {
                LogConflicts(batch.Conflicts);
            }

            foreach (var failure in batch.Failures)
            {
                LogFailure(failure.CaseId, failure.Error);
            }

            // Fewer rows than a batch: nothing else is due. No progress: whatever remains is another node's
            // or will be due again after its lease; either way, the next firing looks again.
            if (claimed.Count < options.BatchSize || batch.Cases == 0
                || Stopwatch.GetElapsedTime(started) >= options.MaxSweepDuration)
            {
                break;
            }
        }

        if (total.Cases > 0)
        {
            LogSwept(total.Cases, total.Reminders, total.Overdue, total.Escalations);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep: {Cases} cases, {Reminders} reminders, {Overdue} overdue ({Escalations} escalated)")]
    private partial void LogSwept(int cases, int reminders, int overdue, int escalations);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline sweep: case {CaseId} could not be ticked and stays due: {Error}")]
    private partial void LogFailure(string caseId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deadline sweep: {Conflicts} cases changed concurrently (written by their other writer, not here)")]
    private partial void LogConflicts(int conflicts);
}
