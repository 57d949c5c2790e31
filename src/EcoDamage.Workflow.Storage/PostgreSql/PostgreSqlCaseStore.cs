using System.Text.Json;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Cases;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.PostgreSql;

/// <summary>Reads cases and idempotency records on PostgreSQL (EF Core, no tracking).</summary>
internal sealed class PostgreSqlCaseStore(PostgreSqlWorkflowDbContext db, CaseCache cache) : ICaseStore, IIdempotencyStore
{
    // Every command loads its case: compiled once (a compiled query is bound to one model), reading only the
    // columns the runtime needs.
    private static readonly Func<PostgreSqlWorkflowDbContext, string, CancellationToken, Task<LoadedCase?>> Load =
        EF.CompileAsyncQuery((PostgreSqlWorkflowDbContext context, string id, CancellationToken _) => context.Cases
            .Where(c => c.Id == id)
            .Select(c => new LoadedCase(c.Snapshot, c.Version, c.AuditSequence, c.AuditHead))
            .SingleOrDefault());

    // The row's version and audit head, read first: when they match the cached case the snapshot is
    // neither read nor deserialized.
    private static readonly Func<PostgreSqlWorkflowDbContext, string, CancellationToken, Task<CaseHeader?>> Header =
        EF.CompileAsyncQuery((PostgreSqlWorkflowDbContext context, string id, CancellationToken _) => context.Cases
            .Where(c => c.Id == id)
            .Select(c => new CaseHeader(c.Version, c.AuditSequence, c.AuditHead))
            .SingleOrDefault());

    public async Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var header = await Header(db, caseId, cancellationToken).ConfigureAwait(false);
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
        var row = await Load(db, caseId, cancellationToken).ConfigureAwait(false);
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
}
