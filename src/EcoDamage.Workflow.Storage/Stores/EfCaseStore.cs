using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Stores;

/// <summary>Reads cases, idempotency records and audit trails (no tracking).</summary>
internal sealed class EfCaseStore(WorkflowDbContext db, CaseCache cache) : ICaseStore, IIdempotencyStore, IAuditTrail
{
    // Every command loads its case: compiled once per provider (a compiled query is bound to one
    // model), reading only the columns the runtime needs.
    private static readonly Func<SqliteWorkflowDbContext, string, CancellationToken, Task<LoadedCase?>> SqliteLoad =
        EF.CompileAsyncQuery((SqliteWorkflowDbContext context, string id, CancellationToken _) => context.Cases
            .Where(c => c.Id == id)
            .Select(c => new LoadedCase(c.Snapshot, c.Version, c.AuditSequence, c.AuditHead))
            .SingleOrDefault());

    private static readonly Func<PostgreSqlWorkflowDbContext, string, CancellationToken, Task<LoadedCase?>> PostgreSqlLoad =
        EF.CompileAsyncQuery((PostgreSqlWorkflowDbContext context, string id, CancellationToken _) => context.Cases
            .Where(c => c.Id == id)
            .Select(c => new LoadedCase(c.Snapshot, c.Version, c.AuditSequence, c.AuditHead))
            .SingleOrDefault());

    // The row's version and audit head, read first: when they match the cached case the snapshot is
    // neither read nor deserialized.
    private static readonly Func<SqliteWorkflowDbContext, string, CancellationToken, Task<CaseHeader?>> SqliteHeader =
        EF.CompileAsyncQuery((SqliteWorkflowDbContext context, string id, CancellationToken _) => context.Cases
            .Where(c => c.Id == id)
            .Select(c => new CaseHeader(c.Version, c.AuditSequence, c.AuditHead))
            .SingleOrDefault());

    private static readonly Func<PostgreSqlWorkflowDbContext, string, CancellationToken, Task<CaseHeader?>> PostgreSqlHeader =
        EF.CompileAsyncQuery((PostgreSqlWorkflowDbContext context, string id, CancellationToken _) => context.Cases
            .Where(c => c.Id == id)
            .Select(c => new CaseHeader(c.Version, c.AuditSequence, c.AuditHead))
            .SingleOrDefault());

    public async Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var header = await (db switch
        {
            SqliteWorkflowDbContext sqlite => SqliteHeader(sqlite, caseId, cancellationToken),
            PostgreSqlWorkflowDbContext postgreSql => PostgreSqlHeader(postgreSql, caseId, cancellationToken),
            _ => db.Cases.AsNoTracking()
                .Where(c => c.Id == caseId)
                .Select(c => new CaseHeader(c.Version, c.AuditSequence, c.AuditHead))
                .SingleOrDefaultAsync(cancellationToken),
        }).ConfigureAwait(false);
        if (header is null)
        {
            return null;
        }

        if (cache.Find(caseId, header.Version, header.AuditSequence, header.AuditHead) is { } cached)
        {
            return cached;
        }

        // The full row is read again (not just the snapshot) so that a commit in between cannot pair
        // one version's snapshot with another's audit head.
        var row = await (db switch
        {
            SqliteWorkflowDbContext sqlite => SqliteLoad(sqlite, caseId, cancellationToken),
            PostgreSqlWorkflowDbContext postgreSql => PostgreSqlLoad(postgreSql, caseId, cancellationToken),
            _ => db.Cases.AsNoTracking()
                .Where(c => c.Id == caseId)
                .Select(c => new LoadedCase(c.Snapshot, c.Version, c.AuditSequence, c.AuditHead))
                .SingleOrDefaultAsync(cancellationToken),
        }).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var stored = row.ToStoredCase();
        cache.Put(stored);
        return stored;
    }

    public async Task<IReadOnlyDictionary<string, StoredCase>> LoadManyAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var ids = caseIds.Distinct(StringComparer.Ordinal).ToArray();
        var rows = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Row = new LoadedCase(c.Snapshot, c.Version, c.AuditSequence, c.AuditHead) })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var found = new Dictionary<string, StoredCase>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (cache.Find(row.Id, row.Row.Version, row.Row.AuditSequence, row.Row.AuditHead) is { } cached)
            {
                found[row.Id] = cached;
                continue;
            }

            try
            {
                found[row.Id] = row.Row.ToStoredCase();
            }
            catch (JsonException)
            {
                // Left out: the caller loads it alone and learns why.
            }
        }

        return found;
    }

    public async Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var row = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new IdempotencyRecord(
                row.Key,
                row.RequestHash,
                row.CaseId,
                JsonSerializer.Deserialize<CommandOutcome>(row.Outcome, CaseJson.Options)!,
                Ticks.ToInstant(row.CreatedAt));
    }

    public async Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => a.CaseId == caseId)
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.Select(r => new StoredAuditEvent(
            new AuditEvent(
                r.CaseId, r.Sequence, Ticks.ToInstant(r.At), r.Kind, r.ActorId, r.Role, r.Department, r.Trigger,
                r.FromState, r.ToState, r.DataDiff, r.DefinitionKey, r.CaseVersion, r.PreviousHash, r.Hash),
            r.Payload)).ToArray();
    }
}

/// <summary>The columns a command needs from its case row, the snapshot as its UTF-8 text.</summary>
/// <param name="Utf8Snapshot">The snapshot's UTF-8 bytes (SQLite's reader hands a TEXT column's bytes over as stored).</param>
/// <param name="Version">The row's version.</param>
/// <param name="AuditSequence">The row's last audit sequence.</param>
/// <param name="AuditHead">The row's last audit hash.</param>
internal sealed record LoadedCase(byte[] Utf8Snapshot, long Version, long AuditSequence, string AuditHead)
{
    /// <summary>A row whose snapshot was read as a string (EF Core's queries).</summary>
    public LoadedCase(string snapshot, long version, long auditSequence, string auditHead)
        : this(Encoding.UTF8.GetBytes(snapshot), version, auditSequence, auditHead)
    {
    }

    /// <summary>The case the row holds: its snapshot at the row's version, with the row's audit head.</summary>
    /// <exception cref="JsonException">The snapshot cannot be read.</exception>
    public StoredCase ToStoredCase() => new(CaseJson.Deserialize(Utf8Snapshot) with { Version = Version }, AuditSequence, AuditHead);
}

/// <summary>The columns that tell whether a cached case is the stored one.</summary>
internal sealed record CaseHeader(long Version, long AuditSequence, string AuditHead);
