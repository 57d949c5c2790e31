using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Accounts;

/// <summary>The security event log on EF Core, append-only, the same on both providers.</summary>
internal sealed class EfSecurityEventLog(WorkflowDbContext db) : ISecurityEventLog
{
    private DbSet<SecurityEventRow> Rows => db.Set<SecurityEventRow>();

    public async Task RecordAsync(SecurityEvent entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new SecurityEventRow
        {
            Id = entry.Id,
            At = Ticks.From(entry.At),
            Kind = entry.Kind,
            Actor = entry.Actor,
            Target = entry.Target,
            Detail = entry.Detail,
            RemoteAddress = entry.RemoteAddress,
        };
        Rows.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task<IReadOnlyList<SecurityEvent>> ListAsync(int page, int pageSize, string? kind = null, CancellationToken cancellationToken = default)
    {
        var query = Rows.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(r => r.Kind == kind);
        }

        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Sequence)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new SecurityEvent(r.Id, Ticks.ToDateTimeOffset(r.At), r.Kind, r.Actor, r.Target, r.Detail, r.RemoteAddress)).ToList();
    }
}
