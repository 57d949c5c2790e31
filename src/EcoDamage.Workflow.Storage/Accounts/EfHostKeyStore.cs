using EcoDamage.Workflow.Runtime.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Accounts;

/// <summary>The host's generated keys on EF Core: insert once, the first writer wins.</summary>
internal sealed class EfHostKeyStore(WorkflowDbContext db) : IHostKeyStore
{
    private DbSet<HostKeyRow> Rows => db.Set<HostKeyRow>();

    public async Task<string> GetOrAddAsync(string name, string candidate, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(name, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var row = new HostKeyRow { Name = name, Value = candidate, CreatedAt = Sql.Ticks.From(at) };
        Rows.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return candidate;
        }
        catch (DbUpdateException)
        {
            // Another node stored its key first (primary key): use that one.
            db.Entry(row).State = EntityState.Detached;
            return await ReadAsync(name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"host key '{name}' could neither be stored nor read");
        }
    }

    private async Task<string?> ReadAsync(string name, CancellationToken cancellationToken) =>
        await Rows.AsNoTracking().Where(r => r.Name == name).Select(r => r.Value).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
}
