using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>
/// The tick path: loads each claimed case, asks the engine for the reminders and overdue actions due now
/// (<see cref="DeadlineEngine.Tick"/>), and commits the audited change sets through
/// <see cref="IUnitOfWork.CommitBatchAsync"/>. Exactly once: the engine marks each reminder and overdue
/// action as done in the snapshot, and the commit checks the case version, so a case ticked twice (two
/// nodes, or a command in between) is written once and the loser writes nothing.
/// </summary>
/// <param name="engine">The pure engine.</param>
/// <param name="cases">Reads cases.</param>
/// <param name="unitOfWork">Commits changes.</param>
/// <param name="time">The only clock.</param>
/// <param name="outboxSignal">Told after a batch whose committed change sets wrote outbox rows (none: nobody is told).</param>
public sealed class DeadlineTicker(WorkflowEngine engine, ICaseStore cases, IUnitOfWork unitOfWork, TimeProvider time, IOutboxSignal? outboxSignal = null)
{
    private readonly DeadlineEngine _deadlines = new(engine);

    /// <summary>Ticks the given cases now.</summary>
    /// <param name="caseIds">Distinct case ids with due deadline rows.</param>
    /// <param name="lateAfter">An event handled more than this after its due instant is marked late in the audit trail.</param>
    /// <param name="cancellationToken">Cancels the work (nothing is written unless the commit completed).</param>
    /// <returns>What was done.</returns>
    public async Task<DeadlineTickSummary> TickAsync(IReadOnlyList<string> caseIds, Duration lateAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var loaded = await cases.LoadManyAsync(caseIds, cancellationToken).ConfigureAwait(false);
        var stored = new StoredCase?[caseIds.Count];
        var errors = new string?[caseIds.Count];
        for (var i = 0; i < caseIds.Count; i++)
        {
            // A case the batch read left out is read alone, so that a damaged one is reported with its reason.
            stored[i] = loaded.TryGetValue(caseIds[i], out var found) ? found : await LoadAloneAsync(caseIds[i], i, errors, cancellationToken).ConfigureAwait(false);
        }

        // Ticking and building the change sets is pure CPU work per case: spread over the cores (the commit that
        // follows is one transaction on one connection), each result in its case's slot so the batch keeps its order.
        var outcomes = new (CaseChangeSet Changes, TickResult Tick)?[caseIds.Count];
        CpuWork.ForEach(caseIds.Count, i =>
        {
            if (stored[i] is not { } c)
            {
                return;
            }

            try
            {
                var tick = _deadlines.Tick(c.Case, now);
                if (tick.Events.Count > 0)
                {
                    outcomes[i] = (DeadlineChangeSetBuilder.Build(engine.Catalog, c, tick, now, lateAfter, time), tick);
                }
            }
            catch (Exception e) when (IsCaseFault(e))
            {
                // One unreadable case (a definition no longer in the catalog, …) must not hold up the others.
                errors[i] = Describe(e);
            }
        }, cancellationToken);
        var failures = new List<DeadlineTickFailure>();
        var batch = new List<CaseChangeSet>(caseIds.Count);
        var ticks = new List<TickResult>(caseIds.Count);
        for (var i = 0; i < caseIds.Count; i++)
        {
            if (errors[i] is { } error)
            {
                failures.Add(new DeadlineTickFailure(caseIds[i], error));
            }
            else if (outcomes[i] is { } o)
            {
                batch.Add(o.Changes);
                ticks.Add(o.Tick);
            }
        }

        if (batch.Count == 0)
        {
            return DeadlineTickSummary.Empty with { Failures = failures };
        }

        var results = await unitOfWork.CommitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        if (Enumerable.Range(0, results.Count).Any(i => results[i].Status == CommitStatus.Committed && batch[i].Outbox.Count > 0))
        {
            outboxSignal?.Notify();
        }

        int committed = 0, reminders = 0, overdue = 0, escalations = 0, conflicts = 0;
        var lateness = new List<Duration>();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Status != CommitStatus.Committed)
            {
                conflicts++;
                continue;
            }

            committed++;
            foreach (var e in ticks[i].Events)
            {
                lateness.Add(e.Lateness);
                if (e.Kind == DeadlineEventKind.Reminder)
                {
                    reminders++;
                }
                else
                {
                    overdue++;
                    escalations += e.EscalatedTo is null ? 0 : 1;
                }
            }
        }

        return new DeadlineTickSummary(committed, reminders, overdue, escalations, conflicts, lateness) { Failures = failures };
    }

    // What one unreadable case throws (a damaged snapshot, a definition no longer in the catalog, …): reported, not fatal.
    private static bool IsCaseFault(Exception e) =>
        e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException;

    private static string Describe(Exception e) => e.GetType().Name + ": " + e.Message;

    private async Task<StoredCase?> LoadAloneAsync(string id, int index, string?[] errors, CancellationToken cancellationToken)
    {
        try
        {
            return await cases.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCaseFault(e))
        {
            // A damaged snapshot: reported, the others go on.
            errors[index] = Describe(e);
            return null;
        }
    }
}
