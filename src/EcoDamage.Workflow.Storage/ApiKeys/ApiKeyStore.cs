using EcoDamage.Workflow.Runtime.ApiKeys;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.ApiKeys;

/// <summary>Managed API keys and their change log on EF Core; a key's change and its event are saved together.</summary>
internal sealed class ApiKeyStore(WorkflowDbContext db) : IApiKeyStore
{
    private DbSet<ApiKeyRow> Rows => db.Set<ApiKeyRow>();

    public async Task AddAsync(ApiKey key, ApiKeyEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = new ApiKeyRow { Id = key.Id, Name = key.Name, System = key.System, Role = key.Role, SecretHash = key.SecretHash, CreatedBy = key.CreatedBy };
        Copy(key, row);
        Rows.Add(row);
        db.Set<ApiKeyEventRow>().Add(Row(change));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await Rows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false) is { } row ? Record(row) : null;

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Record).ToList();

    public async Task<bool> UpdateAsync(ApiKey key, ApiKeyEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await Rows.SingleOrDefaultAsync(r => r.Id == key.Id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        Copy(key, row);
        db.Set<ApiKeyEventRow>().Add(Row(change));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task RecordAsync(ApiKeyEvent change, CancellationToken cancellationToken = default)
    {
        db.Set<ApiKeyEventRow>().Add(Row(change));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApiKeyEvent>> EventsAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await db.Set<ApiKeyEventRow>().AsNoTracking().Where(e => e.KeyId == keyId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(e => new ApiKeyEvent(e.KeyId, e.Action, e.Actor, Ticks.ToDateTimeOffset(e.At), e.FromIp, e.Detail)).ToList();

    private static ApiKeyEventRow Row(ApiKeyEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ApiKeyEventRow { KeyId = change.KeyId, Action = change.Action, Actor = change.Actor, At = Ticks.From(change.At), FromIp = change.FromIp, Detail = change.Detail };
    }

    private static void Copy(ApiKey key, ApiKeyRow row)
    {
        row.Name = key.Name;
        row.System = key.System;
        row.Role = key.Role;
        row.Department = key.Department;
        row.Jurisdiction = key.Jurisdiction;
        row.Party = key.Party;
        row.SecretHash = key.SecretHash;
        row.PreviousSecretHash = key.PreviousSecretHash;
        row.PreviousValidUntil = key.PreviousValidUntil is { } until ? Ticks.From(until) : null;
        row.ExpiresAt = Ticks.From(key.ExpiresAt);
        row.RevokedAt = key.RevokedAt is { } revoked ? Ticks.From(revoked) : null;
        row.CreatedAt = Ticks.From(key.CreatedAt);
        row.UpdatedAt = Ticks.From(key.UpdatedAt);
    }

    private static ApiKey Record(ApiKeyRow r) => new(
        r.Id, r.Name, r.System, r.Role, r.Department, r.Jurisdiction, r.Party, r.SecretHash, r.PreviousSecretHash,
        r.PreviousValidUntil is { } until ? Ticks.ToDateTimeOffset(until) : null,
        Ticks.ToDateTimeOffset(r.ExpiresAt),
        r.RevokedAt is { } revoked ? Ticks.ToDateTimeOffset(revoked) : null,
        Ticks.ToDateTimeOffset(r.CreatedAt), r.CreatedBy, Ticks.ToDateTimeOffset(r.UpdatedAt));
}
