using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Links;

/// <summary>
/// Reads a case's links in both directions with one query: the rows stored from it (the primary key's prefix) and the
/// rows pointing to it (the <c>ToCaseId</c> index), each seen from the case.
/// </summary>
/// <param name="db">The provider's context.</param>
internal sealed class CaseLinkDirectory(WorkflowDbContext db) : ICaseLinks
{
    public async Task<IReadOnlyList<LinkedCase>> ListAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var rows = await db.CaseLinks.AsNoTracking().Where(l => l.FromCaseId == caseId)
            .Concat(db.CaseLinks.AsNoTracking().Where(l => l.ToCaseId == caseId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .Select(r => new CaseLink(r.FromCaseId, r.ToCaseId, r.Kind, Ticks.ToInstant(r.At), r.Actor, r.Note).SeenFrom(caseId))
            .OrderBy(l => l.At).ThenBy(l => l.CaseId, StringComparer.Ordinal)
            .ToArray();
    }
}
