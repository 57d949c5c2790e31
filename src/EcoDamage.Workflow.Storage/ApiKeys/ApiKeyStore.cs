using EcoDamage.Workflow.Runtime.ApiKeys;
using EcoDamage.Workflow.Storage.Accounts;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.ApiKeys;

/// <summary>
/// Managed API keys on EF Core. Their changes go to the one security event log (<c>SecurityEvents</c>, kind
/// <c>apiKey.{action}</c> or <c>hookSecret.{action}</c>, target the key id), saved in the key change's transaction.
/// </summary>
internal sealed class ApiKeyStore(WorkflowDbContext db) : IApiKeyStore
{
    private DbSet<ApiKeyRow> Rows => db.Set<ApiKeyRow>();

    public async Task AddAsync(ApiKey key, ApiKeyEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = new ApiKeyRow { Id = key.Id, Name = key.Name, System = key.System, Role = key.Role, SecretHash = key.SecretHash, CreatedBy = key.CreatedBy };
        Copy(key, row);
        Rows.Add(row);
        db.Set<SecurityEventRow>().Add(Row(change));
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
        db.Set<SecurityEventRow>().Add(Row(change));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task RecordAsync(ApiKeyEvent change, CancellationToken cancellationToken = default)
    {
        db.Set<SecurityEventRow>().Add(Row(change));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApiKeyEvent>> EventsAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await db.Set<SecurityEventRow>().AsNoTracking().Where(e => e.Target == keyId).OrderBy(e => e.At).ThenBy(e => e.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(e => new ApiKeyEvent(e.Target!, e.Kind[(e.Kind.IndexOf('.', StringComparison.Ordinal) + 1)..], e.Actor, Ticks.ToDateTimeOffset(e.At), e.RemoteAddress, e.Detail))
        .ToList();

    private static SecurityEventRow Row(ApiKeyEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var kind = change.KeyId.StartsWith("hook:", StringComparison.Ordinal) ? "hookSecret." : "apiKey.";
        return new SecurityEventRow
        {
            Id = Guid.NewGuid(),
            At = Ticks.From(change.At),
            Kind = kind + change.Action,
            Actor = change.Actor,
            Target = change.KeyId,
            Detail = change.Detail,
            RemoteAddress = change.FromIp,
        };
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
