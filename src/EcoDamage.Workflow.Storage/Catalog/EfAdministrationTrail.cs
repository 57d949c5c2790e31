using EcoDamage.Workflow.Runtime.Catalog;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>Reads the administration trail in chain order.</summary>
internal sealed class EfAdministrationTrail(WorkflowDbContext db) : IAdministrationTrail
{
    public async Task<IReadOnlyList<AdministrationEvent>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        (await db.Set<AdministrationEventRow>().AsNoTracking().Where(a => a.Sequence > afterSequence).OrderBy(a => a.Sequence).Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(TrailAppender.Event).ToList();
}
