using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>The writer's commits: group commit of concurrent commands, batches with a savepoint per change set, one change set's statements.</summary>
internal sealed partial class SqliteWriter
{
    /// <summary>
    /// Commits one command's change set, together with those of any commands that queued up meanwhile
    /// (group commit: one transaction and one <c>fsync</c> for all of them, a savepoint each). Whoever gets
    /// the connection commits everything queued so far; the others find their result already set. Each
    /// change set succeeds or fails exactly as it would alone, and a result is given only after the
    /// transaction holding it committed. Not cancellable once queued (the group may already hold it).
    /// </summary>
    public async Task<CommitResult> CommitGroupedAsync(PreparedChangeSet changes)
    {
        var pending = new Pending(changes);
        lock (_queue)
        {
            _queue.Add(pending);
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!pending.Done.Task.IsCompleted)
            {
                Pending[] group;
                lock (_queue)
                {
                    group = [.. _queue];
                    _queue.Clear();
                }

                CommitGroup(group);
            }
        }
        finally
        {
            _gate.Release();
        }

        return await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Commits prepared change sets in one <c>BEGIN IMMEDIATE</c> transaction. With
    /// <paramref name="savepoints"/>, each change set runs inside its own savepoint and one that fails
    /// (stale version, key taken) is rolled back alone; without, the first failure rolls back everything
    /// (a batch of one). An exception rolls back the whole transaction and propagates.
    /// </summary>
    /// <returns>One result per change set; on a failure without savepoints, that one result.</returns>
    public CommitResult[] Commit(IReadOnlyList<PreparedChangeSet> batch, bool savepoints) =>
        Commit(batch, savepoints, errors: null);

    private void CommitGroup(Pending[] group)
    {
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null)
            {
                Open();
            }

            var errors = group.Length > 1 ? new Exception?[group.Length] : null;
            var results = Commit(group.Select(p => p.Changes).ToArray(), savepoints: group.Length > 1, errors);
            for (var i = 0; i < group.Length; i++)
            {
                if (errors?[i] is { } error)
                {
                    group[i].Done.SetException(error);
                }
                else
                {
                    group[i].Done.SetResult(results[i]);
                }
            }
        }
#pragma warning disable CA1031 // every waiting command must hear how its commit ended, whatever the error
        catch (Exception e)
#pragma warning restore CA1031
        {
            // BEGIN or COMMIT failed (or the only change set threw): nothing of the group was written.
            foreach (var p in group)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    // With savepoints, the batch is first written without them (see CommitWithoutSavepoints); only a batch in which a
    // change set fails after writing something is written again with them. With errors, a change set that throws is
    // then rolled back to its savepoint and its exception kept there; the others go on.
    private CommitResult[] Commit(IReadOnlyList<PreparedChangeSet> batch, bool savepoints, Exception?[]? errors)
    {
        if (savepoints && CommitWithoutSavepoints(batch) is { } written)
        {
            return written;
        }

        // Transaction control as prepared statements too (SqliteTransaction compiles BEGIN/COMMIT on every use).
        var results = new CommitResult[batch.Count];
        Execute(_begin!);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (savepoints)
                {
                    Execute(_save!);
                }

                CommitResult result;
                try
                {
                    result = Write(batch[i], out _);
                }
                catch (SqliteException e) when (errors is not null)
                {
                    Execute(_rollbackToSave!);
                    Execute(_release!);
                    errors[i] = e;
                    continue;
                }

                results[i] = result;
                if (result.Status == CommitStatus.Committed)
                {
                    if (savepoints)
                    {
                        Execute(_release!);
                    }
                }
                else if (savepoints)
                {
                    Execute(_rollbackToSave!);
                    Execute(_release!);
                }
                else
                {
                    Execute(_rollback!);
                    return results;
                }
            }

            Execute(_commit!);
            return results;
        }
        finally
        {
            RollBackIfOpen();
        }
    }

    // After an exception, an early return or a failed COMMIT the transaction may still be open.
    private void RollBackIfOpen()
    {
        if (raw.sqlite3_get_autocommit(_connection!.Handle) == 0)
        {
            Execute(_rollback!);
        }
    }

    /// <summary>
    /// The common case of a batch, without a savepoint per change set (a savepoint costs SQLite as much as the change
    /// set's own statements): a change set refused by its first statement (the version-checked case update touching no
    /// row, or the case insert failing) has written nothing, so it needs no rollback. When one fails after writing
    /// something (a later row's key taken, any other database error), everything is rolled back and null returned, and
    /// the caller writes the batch again with savepoints.
    /// </summary>
    private CommitResult[]? CommitWithoutSavepoints(IReadOnlyList<PreparedChangeSet> batch)
    {
        var results = new CommitResult[batch.Count];
        Execute(_begin!);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    results[i] = Write(batch[i], out var wrote);
                    if (results[i].Status != CommitStatus.Committed && wrote)
                    {
                        return null;
                    }
                }
                catch (SqliteException)
                {
                    return null;
                }
            }

            Execute(_commit!);
            return results;
        }
        finally
        {
            RollBackIfOpen();
        }
    }

    // wrote: whether any of the change set's statements changed a row (a statement that fails changes none).
    private CommitResult Write(PreparedChangeSet changes, out bool wrote)
    {
        wrote = false;
        var (first, firstValues) = changes.First;
        try
        {
            if (changes.KeepingFilters is { } light && Bind(_statements[light.Statement], light.Values).ExecuteNonQuery() == 1)
            {
                // Updated without touching the filter columns' indexes.
            }
            else if (Bind(_statements[first], firstValues).ExecuteNonQuery() == 0)
            {
                // Only the version-checked update can touch no row.
                return new CommitResult(CommitStatus.VersionConflict, CurrentVersion(changes.Changes.Case.Id));
            }

            wrote = true;
            foreach (var (statement, values) in changes.Rows)
            {
                Bind(_statements[statement], values).ExecuteNonQuery();
            }

            return CommitResult.Committed;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // A unique key was taken by an earlier commit: the idempotency key or the new case's id.
            if (changes.Changes.Idempotency is { } record
                && Convert.ToInt64(Bind(_keyTaken!, record.Key).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return new CommitResult(CommitStatus.IdempotencyKeyTaken);
            }

            var current = wrote ? changes.Changes.ExpectedVersion : CurrentVersion(changes.Changes.Case.Id);
            if (current != changes.Changes.ExpectedVersion)
            {
                return new CommitResult(CommitStatus.VersionConflict, current);
            }

            throw;
        }
    }

    private long CurrentVersion(string caseId) =>
        Convert.ToInt64(Bind(_version!, caseId).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
}
