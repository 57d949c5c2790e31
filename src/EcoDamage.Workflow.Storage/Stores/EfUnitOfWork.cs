using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime.Text;
using Npgsql;

namespace EcoDamage.Workflow.Storage.Stores;

/// <summary>
/// Commits a change set in one transaction. The case row is updated first with
/// <c>WHERE Version = expected</c>, so a concurrent writer either waits for the row lock and then finds
/// another version (PostgreSQL) or waits for the database lock (SQLite, <c>BEGIN IMMEDIATE</c>).
/// The writes are raw ADO.NET commands on the context's connection and transaction (EF Core's
/// change tracking and expression compilation cost more than the statements); the SQL is the same on
/// both providers: quoted identifiers as the migrations created them and <c>@name</c> parameters.
/// </summary>
internal sealed class EfUnitOfWork(WorkflowDbContext db, CaseCache cache) : IUnitOfWork
{
    private const string UpdateCase =
        """UPDATE "Cases" SET "Version" = @version, "State" = @state, "Jurisdiction" = @jurisdiction, "Channel" = @channel, "Department" = @department, "DefinitionVersion" = @definitionVersion, "Snapshot" = @snapshot, "AuditSequence" = @auditSequence, "AuditHead" = @auditHead, "UpdatedAt" = @updatedAt WHERE "Id" = @id AND "Version" = @expected""";

    private readonly bool _sqlite = db is not PostgreSqlWorkflowDbContext;

    public async Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var c = changes.Case;
        var head = changes.AuditEvents.Count > 0 ? changes.AuditEvents[^1] : null;
        var now = changes.AuditEvents.Count > 0 ? Ticks.From(changes.AuditEvents[0].At) : 0;
        var snapshot = CaseJson.Serialize(c);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var batch = new Batch(connection, transaction);
        if (changes.ExpectedVersion == 0)
        {
            batch.Add(
                """INSERT INTO "Cases" ("Id", "DefinitionId", "DefinitionVersion", "State", "Jurisdiction", "Channel", "Department", "Version", "Snapshot", "AuditSequence", "AuditHead", "CreatedAt", "UpdatedAt") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12});""",
                c.Id, c.DefinitionId, c.DefinitionVersion.ToString(), c.State, CaseColumns.Jurisdiction(c), CaseColumns.Channel(c),
                CaseColumns.Department(c), c.Version, snapshot, head?.Sequence ?? 0, head?.Hash ?? AuditHasher.Genesis, now, now);
        }
        else
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = UpdateCase;
            AddParameter(update, "@version", c.Version);
            AddParameter(update, "@state", c.State);
            AddParameter(update, "@jurisdiction", CaseColumns.Jurisdiction(c));
            AddParameter(update, "@channel", CaseColumns.Channel(c));
            AddParameter(update, "@department", CaseColumns.Department(c));
            AddParameter(update, "@definitionVersion", c.DefinitionVersion.ToString());
            AddParameter(update, "@snapshot", snapshot);
            AddParameter(update, "@auditSequence", head?.Sequence ?? 0);
            AddParameter(update, "@auditHead", head?.Hash ?? AuditHasher.Genesis);
            AddParameter(update, "@updatedAt", now);
            AddParameter(update, "@id", c.Id);
            AddParameter(update, "@expected", changes.ExpectedVersion);
            var updated = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (updated == 0)
            {
                await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return new CommitResult(CommitStatus.VersionConflict, await CurrentVersionAsync(c.Id, cancellationToken).ConfigureAwait(false));
            }

            if (!changes.DeadlinesUnchanged)
            {
                batch.Add("""DELETE FROM "Deadlines" WHERE "CaseId" = {0};""", c.Id);
            }
        }

        Stage(changes, batch);
        try
        {
            await batch.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (CaseCache.SurvivesSnapshotRoundTrip(c))
            {
                cache.Put(new StoredCase(c, head?.Sequence ?? 0, head?.Hash ?? AuditHasher.Genesis));
            }

            return CommitResult.Committed;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            // A unique key was taken by a concurrent commit: the new case's id or the idempotency key.
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            if (changes.Idempotency is { } record
                && await db.IdempotencyRecords.AnyAsync(i => i.Key == record.Key, cancellationToken).ConfigureAwait(false))
            {
                return new CommitResult(CommitStatus.IdempotencyKeyTaken);
            }

            var current = await CurrentVersionAsync(c.Id, cancellationToken).ConfigureAwait(false);
            if (current != changes.ExpectedVersion)
            {
                return new CommitResult(CommitStatus.VersionConflict, current);
            }

            throw;
        }
    }

    private static bool IsUniqueViolation(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private async Task<long> CurrentVersionAsync(string caseId, CancellationToken cancellationToken) =>
        await db.Cases.Where(r => r.Id == caseId).Select(r => (long?)r.Version).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0;

    // EF Core stores a Guid as upper-case TEXT on SQLite and as uuid on PostgreSQL.
    private object Key(Guid id) => _sqlite ? id.ToString().ToUpperInvariant() : id;

    private void Stage(CaseChangeSet changes, Batch batch)
    {
        foreach (var e in changes.AuditEvents)
        {
            batch.Add(
                """INSERT INTO "AuditEvents" ("CaseId", "Sequence", "At", "Kind", "ActorId", "Role", "Department", "Trigger", "FromState", "ToState", "DataDiff", "DefinitionKey", "CaseVersion", "PreviousHash", "Hash", "Payload") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15});""",
                e.CaseId, e.Sequence, Ticks.From(e.At), e.Kind, e.ActorId, e.Role, e.Department, e.Trigger, e.FromState, e.ToState,
                e.DataDiff, e.DefinitionKey, e.CaseVersion, e.PreviousHash, e.Hash, AuditHasher.Canonical(e));
        }

        foreach (var d in changes.ExpectedVersion != 0 && changes.DeadlinesUnchanged ? [] : changes.Deadlines)
        {
            batch.Add(
                """INSERT INTO "Deadlines" ("CaseId", "Key", "DefinitionId", "DeadlineId", "State", "Due", "Status", "NextEventAt") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7});""",
                d.CaseId, d.Key, d.DefinitionId, d.DeadlineId, d.State, Ticks.From(d.Due), d.Status, Ticks.From(d.NextEventAt));
        }

        foreach (var o in changes.Outbox)
        {
            batch.Add(
                """INSERT INTO "Outbox" ("Id", "CaseId", "Type", "Payload", "OccurredAt", "DispatchedAt", "Attempts") VALUES ({0}, {1}, {2}, {3}, {4}, NULL, 0);""",
                Key(o.Id), o.CaseId, o.Type, o.Payload, Ticks.From(o.OccurredAt));
        }

        if (changes.Document is { } doc)
        {
            batch.Add(
                """INSERT INTO "Documents" ("Id", "CaseId", "DocumentType", "FileName", "MediaType", "Length", "Sha256", "ServedOn", "AttachedAt", "AttachedBy") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9});""",
                Key(doc.Id), doc.CaseId, doc.DocumentType, doc.FileName, doc.MediaType, doc.Length, doc.Sha256,
                LocalDatePattern.Iso.Format(doc.ServedOn), Ticks.From(doc.AttachedAt), doc.AttachedBy);
        }

        if (changes.Idempotency is { } i)
        {
            batch.Add(
                """INSERT INTO "IdempotencyRecords" ("Key", "RequestHash", "CaseId", "Outcome", "CreatedAt") VALUES ({0}, {1}, {2}, {3}, {4});""",
                i.Key, i.RequestHash, i.CaseId, JsonSerializer.Serialize(i.Outcome, CaseJson.Options), Ticks.From(i.CreatedAt));
        }
    }

    /// <summary>
    /// Statements sent as one command (one round trip on PostgreSQL, as SaveChanges batches them);
    /// each statement's <c>{n}</c> placeholders become uniquely named parameters.
    /// </summary>
    private sealed class Batch(DbConnection connection, DbTransaction transaction)
    {
        private readonly StringBuilder _sql = new();
        private readonly List<object?> _values = [];

        public void Add(string statement, params object?[] values)
        {
            var names = new object[values.Length];
            for (var n = 0; n < values.Length; n++)
            {
                names[n] = "@p" + (_values.Count + n).ToString(CultureInfo.InvariantCulture);
            }

            _sql.AppendFormat(CultureInfo.InvariantCulture, statement, names).Append('\n');
            _values.AddRange(values);
        }

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            if (_sql.Length == 0)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _sql.ToString();
            for (var n = 0; n < _values.Count; n++)
            {
                AddParameter(command, "@p" + n.ToString(CultureInfo.InvariantCulture), _values[n]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
