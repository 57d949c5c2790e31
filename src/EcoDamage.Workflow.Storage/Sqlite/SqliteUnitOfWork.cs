using EcoDamage.Workflow.Runtime;
using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Cases;
using EcoDamage.Workflow.Storage.Sql;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>
/// Commits change sets on SQLite through the <see cref="SqliteWriter"/>: the snapshot and every row's
/// values are computed first, outside the writer's lock; then one <c>BEGIN IMMEDIATE</c> transaction runs
/// the prepared statements. A batch (<see cref="CommitBatchAsync"/>) shares one transaction and one
/// <c>fsync</c>, with a savepoint per change set so that a conflict rolls back only that change set.
/// Single commits of concurrent commands are grouped the same way (<see cref="SqliteWriter.CommitGroupedAsync"/>).
/// </summary>
internal sealed class SqliteUnitOfWork(SqliteWriter writer, CaseCache cache) : IUnitOfWork, ICaseGroupCommit
{
    /// <summary>The group in one transaction without savepoints: the first change set that fails rolls back all of them.</summary>
    public async Task<CommitResult> CommitAllAsync(IReadOnlyList<CaseChangeSet> group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        cancellationToken.ThrowIfCancellationRequested();
        var prepared = group.Select(changes => PreparedChangeSet.Of(changes, CaseJson.Serialize(changes.Case))).ToArray();
        var results = await writer.RunAsync(w => w.Commit(prepared, savepoints: false), cancellationToken).ConfigureAwait(false);
        if (results.FirstOrDefault(r => r is not null && r.Status != CommitStatus.Committed) is { } failed)
        {
            // The change sets before it were rolled back with it, whatever their own results say: none is cached.
            return failed;
        }

        foreach (var changes in group.Where(c => CaseCache.SurvivesSnapshotRoundTrip(c.Case)))
        {
            cache.Put(CommitStatements.Committed(changes));
        }

        return CommitResult.Committed;
    }

    public async Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var prepared = PreparedChangeSet.Of(changes, CaseJson.Serialize(changes.Case));
        var result = await writer.CommitGroupedAsync(prepared).ConfigureAwait(false);
        if (result.Status == CommitStatus.Committed && CaseCache.SurvivesSnapshotRoundTrip(changes.Case))
        {
            cache.Put(CommitStatements.Committed(changes));
        }

        return result;
    }

    public async Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<CaseChangeSet> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Count == 0 ? [] : await CommitCoreAsync(batch, savepoints: batch.Count > 1, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommitResult[]> CommitCoreAsync(IReadOnlyList<CaseChangeSet> batch, bool savepoints, CancellationToken cancellationToken)
    {
        foreach (var changes in batch)
        {
            ArgumentNullException.ThrowIfNull(changes);
        }

        // Serializing the snapshots and computing the rows is CPU work per change set: spread over the cores, before the lock.
        // A batch's cases are cold (the deadline sweeper's), written once: their parts' JSON is not kept for a next version.
        var prepared = new PreparedChangeSet[batch.Count];
        CpuWork.ForEach(batch.Count, i => prepared[i] = PreparedChangeSet.Of(batch[i], CaseJson.SerializeOnce(batch[i].Case)), cancellationToken);

        var results = await writer.RunAsync(w => w.Commit(prepared, savepoints), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i]?.Status == CommitStatus.Committed && CaseCache.SurvivesSnapshotRoundTrip(batch[i].Case))
            {
                cache.Put(CommitStatements.Committed(batch[i]));
            }
        }

        return results;
    }
}
