using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Access;

/// <summary>The read log in the <c>CaseReads</c> table.</summary>
/// <param name="db">The provider's context.</param>
internal sealed class CaseReadStore(WorkflowDbContext db) : ICaseReadStore
{
    public async Task AppendAsync(IReadOnlyList<CaseRead> reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (reads.Count == 0)
        {
            return;
        }

        db.CaseReads.AddRange(reads.Select(r => new CaseReadRow
        {
            CaseId = r.CaseId, Subject = r.Subject, Role = r.Role, Department = r.Department, What = r.What, At = Ticks.From(r.At),
        }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<CaseRead>> ListAsync(string caseId, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await db.CaseReads.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.Id)
            .Take(Math.Clamp(limit, 1, ICaseReadStore.MaxList)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new CaseRead(r.CaseId, r.Subject, r.Role, r.Department, r.What, Ticks.ToInstant(r.At))).ToArray();
    }
}
