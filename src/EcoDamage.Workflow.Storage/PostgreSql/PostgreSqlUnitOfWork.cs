using System.Data.Common;
using System.Text;
using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using EcoDamage.Workflow.Storage.Cases;
using EcoDamage.Workflow.Storage.Sql;
using Npgsql;

namespace EcoDamage.Workflow.Storage.PostgreSql;

/// <summary>
/// Commits change sets on PostgreSQL, on the context's connection. The case row is updated first with <c>WHERE Version = expected</c>,
/// so a concurrent writer waits for the row lock and then finds another version. The writes are raw
/// ADO.NET commands on the context's connection and transaction (EF Core's change tracking and
/// expression compilation cost more than the statements); everything after the case row goes as one
/// multi-statement command, one round trip. A batch is one transaction with a savepoint per change set,
/// so a conflict rolls back only that change set (PostgreSQL needs the savepoint to go on after an error).
/// </summary>
internal sealed class PostgreSqlUnitOfWork(PostgreSqlWorkflowDbContext db, CaseCache cache) : IUnitOfWork, ICaseGroupCommit
{
    private const string Savepoint = "change_set";

    /// <summary>The group in one transaction without savepoints: the first change set that fails rolls back all of them.</summary>
    public async Task<CommitResult> CommitAllAsync(IReadOnlyList<CaseChangeSet> group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var results = group.Count == 0 ? [] : await CommitCoreAsync(group, savepoints: false, CaseJson.Serialize, cancellationToken).ConfigureAwait(false);
        return results.FirstOrDefault(r => r is not null && r.Status != CommitStatus.Committed) ?? CommitResult.Committed;
    }

    public async Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return (await CommitCoreAsync([changes], savepoints: false, CaseJson.Serialize, cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<CaseChangeSet> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // A batch's cases are cold (the deadline sweeper's), written once: their parts' JSON is not kept for a next version.
        return batch.Count == 0 ? [] : await CommitCoreAsync(batch, savepoints: batch.Count > 1, CaseJson.SerializeOnce, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommitResult[]> CommitCoreAsync(
        IReadOnlyList<CaseChangeSet> batch, bool savepoints, Func<Engine.Execution.CaseInstance, string> serialize, CancellationToken cancellationToken)
    {
        var snapshots = batch.Select(c => serialize(c.Case)).ToArray();
        var results = new CommitResult[batch.Count];
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var rolledBack = false;
        for (var i = 0; i < batch.Count; i++)
        {
            if (savepoints)
            {
                await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }

            var changes = batch[i];
            CommitResult result;
            try
            {
                result = await WriteAsync(changes, snapshots[i], connection, transaction, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (IsUniqueViolation(e))
            {
                // A unique key was taken by a concurrent commit: the new case's id or the idempotency key.
                if (!savepoints)
                {
                    await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    rolledBack = true;
                }
                else
                {
                    await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                }

                if (await ExplainAsync(changes, rolledBack ? null : transaction, cancellationToken).ConfigureAwait(false) is not { } explained)
                {
                    throw;
                }

                result = explained;
            }

            results[i] = result;
            if (result.Status == CommitStatus.Committed)
            {
                if (savepoints)
                {
                    await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (savepoints)
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (!rolledBack)
                {
                    await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                return results;
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Status == CommitStatus.Committed && CaseCache.SurvivesSnapshotRoundTrip(batch[i].Case))
            {
                cache.Put(CommitStatements.Committed(batch[i]));
            }
        }

        return results;
    }

    /// <summary>Writes one change set in the open transaction; a stale version writes nothing and is reported.</summary>
    private static async Task<CommitResult> WriteAsync(CaseChangeSet changes, string snapshot, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var batch = new Batch(connection, transaction);
        if (changes.ExpectedVersion == 0)
        {
            batch.Add(CommitStatements.InsertCase, CommitStatements.InsertCaseValues(changes, snapshot));
        }
        else
        {
            var update = new Batch(connection, transaction);
            update.Add(CommitStatements.UpdateCase, CommitStatements.UpdateCaseValues(changes, snapshot));
            if (await update.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return new CommitResult(CommitStatus.VersionConflict, await CurrentVersionAsync(changes.Case.Id, connection, transaction, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (var (statement, values) in CommitStatements.Rows(changes, StoredGuid.Uuid))
        {
            batch.Add(statement, values);
        }

        await batch.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return CommitResult.Committed;
    }

    /// <summary>
    /// Explains a unique violation inside the batch's transaction, or after a whole rollback on a connection held open
    /// for the purpose: rolling back the transaction EF Core opened the connection for closes it again.
    /// </summary>
    private async Task<CommitResult?> ExplainAsync(CaseChangeSet changes, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            return await ExplainUniqueViolationAsync(changes, db.Database.GetDbConnection(), transaction, cancellationToken).ConfigureAwait(false);
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExplainUniqueViolationAsync(changes, db.Database.GetDbConnection(), null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Why a unique key was taken: the idempotency key, or the case (a version conflict); null if neither.</summary>
    private static async Task<CommitResult?> ExplainUniqueViolationAsync(CaseChangeSet changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (changes.Idempotency is { } record
            && await ScalarAsync("""SELECT COUNT(*) FROM "IdempotencyRecords" WHERE "Key" = @p0""", record.Key, connection, transaction, cancellationToken).ConfigureAwait(false) > 0)
        {
            return new CommitResult(CommitStatus.IdempotencyKeyTaken);
        }

        var current = await CurrentVersionAsync(changes.Case.Id, connection, transaction, cancellationToken).ConfigureAwait(false);
        return current != changes.ExpectedVersion ? new CommitResult(CommitStatus.VersionConflict, current) : null;
    }

    private static bool IsUniqueViolation(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static Task<long> CurrentVersionAsync(string caseId, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        ScalarAsync("""SELECT COALESCE(MAX("Version"), 0) FROM "Cases" WHERE "Id" = @p0""", caseId, connection, transaction, cancellationToken);

    private static async Task<long> ScalarAsync(string sql, string value, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddParameter(command, "@p0", value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    /// <summary>
    /// Statements sent as one command (one round trip on PostgreSQL, as SaveChanges batches them);
    /// each statement's placeholders become uniquely named parameters.
    /// </summary>
    private sealed class Batch(DbConnection connection, DbTransaction transaction)
    {
        private readonly StringBuilder _sql = new();
        private readonly List<object?> _values = [];

        public void Add(Statement statement, object?[] values)
        {
            _sql.Append(statement.Named(_values.Count)).Append(";\n");
            _values.AddRange(values);
        }

        public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            if (_sql.Length == 0)
            {
                return 0;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _sql.ToString();
            for (var n = 0; n < _values.Count; n++)
            {
                AddParameter(command, "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), _values[n]);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
