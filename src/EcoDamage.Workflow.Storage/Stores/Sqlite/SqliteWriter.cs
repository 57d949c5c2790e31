using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EcoDamage.Workflow.Storage.Stores.Sqlite;

/// <summary>
/// The command path's one write connection to a SQLite file (one per service provider): SQLite has a single
/// writer anyway, so commands take turns on this connection (an async lock) and its statements stay
/// prepared across commands, as the benchmark's floor does. It reads idempotency records and commits change
/// sets; cases are loaded on <see cref="SqliteReaders"/> and other reads (lists, audit trails) use EF Core
/// contexts on pooled connections, which WAL lets run beside the writer. The file's settings are SQLite's defaults
/// (<c>synchronous = FULL</c>) plus the WAL mode the migrator set on the file.
/// </summary>
/// <param name="options">The connection string.</param>
internal sealed class SqliteWriter(WorkflowStorageOptions options) : IAsyncDisposable
{
    private const string Savepoint = "change_set";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Statement, SqliteCommand> _statements = [];
    private readonly List<Pending> _queue = [];
    private SqliteConnection? _connection;
    private SqliteCommand? _idempotency;
    private SqliteCommand? _version;
    private SqliteCommand? _keyTaken;
    private SqliteCommand? _begin;
    private SqliteCommand? _commit;
    private SqliteCommand? _rollback;
    private SqliteCommand? _save;
    private SqliteCommand? _release;
    private SqliteCommand? _rollbackToSave;
    private bool _disposed;

    /// <summary>Runs <paramref name="work"/> alone on the connection (opened on first use).</summary>
    public async Task<T> RunAsync<T>(Func<SqliteWriter, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null)
            {
                Open();
            }

            return work(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An idempotency record's columns (key, request hash, case, outcome JSON, created ticks), or null.</summary>
    public (string Key, string RequestHash, string CaseId, string Outcome, long CreatedAt)? Idempotency(string key)
    {
        using var reader = Bind(_idempotency!, key).ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)) : null;
    }

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

    // With errors, a change set that throws is rolled back to its savepoint and its exception kept there;
    // the others go on.
    private CommitResult[] Commit(IReadOnlyList<PreparedChangeSet> batch, bool savepoints, Exception?[]? errors)
    {
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
                    result = Write(batch[i]);
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
            // After an exception (or a failed COMMIT) the transaction may still be open.
            if (raw.sqlite3_get_autocommit(_connection!.Handle) == 0)
            {
                Execute(_rollback!);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            foreach (var command in _statements.Values.Concat(new[] { _idempotency, _version, _keyTaken, _begin, _commit, _rollback, _save, _release, _rollbackToSave }.OfType<SqliteCommand>()))
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private CommitResult Write(PreparedChangeSet changes)
    {
        var (first, firstValues) = changes.First;
        var caseWritten = false;
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

            caseWritten = true;
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

            var current = caseWritten ? changes.Changes.ExpectedVersion : CurrentVersion(changes.Changes.Case.Id);
            if (current != changes.Changes.ExpectedVersion)
            {
                return new CommitResult(CommitStatus.VersionConflict, current);
            }

            throw;
        }
    }

    private long CurrentVersion(string caseId) =>
        Convert.ToInt64(Bind(_version!, caseId).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    private static void Execute(SqliteCommand command) => command.ExecuteNonQuery();

    private static SqliteCommand Bind(SqliteCommand command, params object?[] values)
    {
        for (var n = 0; n < values.Length; n++)
        {
            command.Parameters[n].Value = values[n] ?? DBNull.Value;
        }

        return command;
    }

    private void Open()
    {
        var connection = new SqliteConnection(options.ConnectionString);
        connection.Open();
        // The relay, the fan-out and the delivery worker write beside this connection: wait for the lock inside SQLite.
        SqliteBusyTimeout.Apply(connection);
        _connection = connection;
        foreach (var statement in CommitStatements.All)
        {
            _statements[statement] = Command(statement.Named(0), statement.Parameters);
        }

        _idempotency = Command("""SELECT "Key", "RequestHash", "CaseId", "Outcome", "CreatedAt" FROM "IdempotencyRecords" WHERE "Key" = @p0""", 1);
        _version = Command("""SELECT COALESCE(MAX("Version"), 0) FROM "Cases" WHERE "Id" = @p0""", 1);
        _keyTaken = Command("""SELECT COUNT(*) FROM "IdempotencyRecords" WHERE "Key" = @p0""", 1);
        _begin = Command("BEGIN IMMEDIATE", 0); // takes the write lock first, as EF Core's BeginTransaction on SQLite
        _commit = Command("COMMIT", 0);
        _rollback = Command("ROLLBACK", 0);
        _save = Command("SAVEPOINT " + Savepoint, 0);
        _release = Command("RELEASE " + Savepoint, 0);
        _rollbackToSave = Command("ROLLBACK TO " + Savepoint, 0);
    }

    // Statements are compiled on first execution and stay prepared while the command and connection live.
    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        for (var n = 0; n < parameters; n++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return command;
    }
}
