using System.Text.Json;
using EcoDamage.Workflow.Runtime;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Cases;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>
/// Loads cases and idempotency records on SQLite's read connections (<see cref="SqliteReaders"/>, beside the writer),
/// with prepared statements (no EF Core on the command path). A
/// load reads the row's version and audit head first and returns the cached case when they match (see
/// <see cref="CaseCache"/>); otherwise it reads and deserializes the snapshot.
/// </summary>
internal sealed class SqliteCaseStore(SqliteReaders readers, CaseCache cache) : ICaseStore, IIdempotencyStore
{
    // SQLite's reads are synchronous and short (an indexed row): the read connections answer at once.
    public Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(Load(caseId));
        }
        catch (Exception e) when (e is JsonException or SqliteException)
        {
            // As an async method would: a damaged snapshot or a database error faults the task.
            return Task.FromException<StoredCase?>(e);
        }
    }

    private StoredCase? Load(string caseId)
    {
        var header = readers.Run(r => r.Header(caseId));
        if (header is null)
        {
            return null;
        }

        if (cache.Find(caseId, header.Version, header.AuditSequence, header.AuditHead) is { } cached)
        {
            return cached;
        }

        // The whole row is read again (not just the snapshot) so that a commit in between cannot pair
        // one version's snapshot with another's audit head.
        var row = readers.Run(r => r.Row(caseId));
        if (row is null)
        {
            return null;
        }

        var stored = row.ToStoredCase();
        cache.Put(stored);
        return stored;
    }

    /// <summary>
    /// Loads a batch (the deadline sweeper's) on one read connection: each case's row once, the snapshot
    /// deserialized (after the connection is released) only for cases the cache does not hold. A
    /// snapshot that cannot be read is left out (the caller loads it alone and learns why).
    /// </summary>
    public Task<IReadOnlyDictionary<string, StoredCase>> LoadManyAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult<IReadOnlyDictionary<string, StoredCase>>(LoadMany(caseIds, cancellationToken));
        }
        catch (SqliteException e)
        {
            return Task.FromException<IReadOnlyDictionary<string, StoredCase>>(e);
        }
    }

    private Dictionary<string, StoredCase> LoadMany(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredCase>(caseIds.Count, StringComparer.Ordinal);
        var rows = readers.Run(w =>
        {
            var read = new List<(string Id, LoadedCase Row)>();
            // One read per case: the sweeper's cases are mostly cold, so the header-first check of a single load would
            // read most rows twice; the row's own version and audit head tell whether the cache holds it.
            foreach (var id in caseIds.Distinct(StringComparer.Ordinal))
            {
                if (w.Row(id) is not { } row)
                {
                    continue;
                }

                if (cache.Find(id, row.Version, row.AuditSequence, row.AuditHead) is { } cached)
                {
                    found[id] = cached;
                }
                else
                {
                    read.Add((id, row));
                }
            }

            return read;
        });

        // Deserializing the snapshots is CPU work per row, done after the connection is released and spread over the cores.
        var cases = new StoredCase?[rows.Count];
        CpuWork.ForEach(rows.Count, i =>
        {
            try
            {
                cases[i] = rows[i].Row.ToStoredCase();
            }
            catch (JsonException)
            {
                // Left out: the caller loads it alone and learns why.
            }
        }, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (cases[i] is { } stored)
            {
                cache.Put(stored);
                found[rows[i].Id] = stored;
            }
        }

        return found;
    }

    public Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(readers.Run(r => r.Idempotency(key)) is not { } row
                ? null
                : new IdempotencyRecord(row.Key, row.RequestHash, row.CaseId, JsonSerializer.Deserialize<CommandOutcome>(row.Outcome, CaseJson.Options)!, Ticks.ToInstant(row.CreatedAt)));
        }
        catch (Exception e) when (e is JsonException or SqliteException)
        {
            return Task.FromException<IdempotencyRecord?>(e);
        }
    }
}
