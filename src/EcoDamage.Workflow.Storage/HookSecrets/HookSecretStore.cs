using EcoDamage.Workflow.Runtime.HookSecrets;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.HookSecrets;

/// <summary>Managed inbound hook secrets on EF Core, stored in their protected (encrypted) form.</summary>
internal sealed class HookSecretStore(WorkflowDbContext db) : IHookSecretStore
{
    private DbSet<HookSecretRow> Rows => db.Set<HookSecretRow>();

    public async Task AddAsync(HookSecret secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Rows.Add(new HookSecretRow
        {
            Id = secret.Id,
            System = secret.System,
            ProtectedSecret = secret.ProtectedSecret,
            CreatedAt = Ticks.From(secret.CreatedAt),
            CreatedBy = secret.CreatedBy,
            RevokedAt = secret.RevokedAt is { } revoked ? Ticks.From(revoked) : null,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HookSecret>> ListAsync(string system, CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().Where(r => r.System == system).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(r => new HookSecret(r.Id, r.System, r.ProtectedSecret, Ticks.ToDateTimeOffset(r.CreatedAt), r.CreatedBy,
            r.RevokedAt is { } revoked ? Ticks.ToDateTimeOffset(revoked) : null))
        .ToList();

    public async Task<bool> RevokeAsync(string system, string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var row = await Rows.SingleOrDefaultAsync(r => r.Id == id && r.System == system && r.RevokedAt == null, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        row.RevokedAt = Ticks.From(at);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
