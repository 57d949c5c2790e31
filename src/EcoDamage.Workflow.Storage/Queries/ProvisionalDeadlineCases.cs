using EcoDamage.Workflow.Runtime.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>
/// The cases with open provisional deadline rows, by case id (the partial index <c>IX_Deadlines_Provisional_CaseId</c>
/// holds only provisional rows), on both providers.
/// </summary>
/// <param name="db">The provider's context.</param>
internal sealed class ProvisionalDeadlineCases(WorkflowDbContext db) : IProvisionalDeadlineCases
{
    private const string Open = "Open";

    public async Task<IReadOnlyList<string>> NextPageAsync(string? after, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var rows = db.Deadlines.AsNoTracking().Where(d => d.Provisional && d.Status == Open);
        if (after is not null)
        {
            // Translated to the column's comparison (the same order as the ORDER BY below), as AuditChainScanner pages.
#pragma warning disable CA1309
            rows = rows.Where(d => string.Compare(d.CaseId, after) > 0);
#pragma warning restore CA1309
        }

        return await rows.Select(d => d.CaseId).Distinct().OrderBy(id => id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
