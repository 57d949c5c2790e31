using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Queries;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Search;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>
/// Case listings over the indexed filter columns, the deadline rows and the clue search index: the exact total and one
/// page ordered by <c>UpdatedAt</c> descending then <c>Id</c>, by a plan chosen from the total (see <see cref="CaseCriteria"/>).
/// </summary>
/// <remarks>
/// The total comes from the index alone where it is the answer (a two-character word: its bigram; overdue or due
/// deadlines: the deadline rows' <c>Due</c> index), else from the matches counted as sets. The page: when the matches
/// are few (at most <see cref="CaseListThresholds.SortAtMost"/>) they are sorted; when many, the cases are walked newest first and each is
/// tested, which stops at the page's end (with 12 % matching, page 1 reads ~170 cases). The walk is bounded: it reads
/// a window of the newest cases sized from the share that matches and falls back to sorting when the matches are not
/// spread over time as the share suggests (the window then holds fewer than the page).
/// </remarks>
/// <param name="db">The provider's context.</param>
/// <param name="thresholds">Where the plans switch.</param>
internal sealed class CaseQueries(WorkflowDbContext db, CaseListThresholds thresholds) : ICaseQueries
{
    /// <summary>The listing with the <see cref="CaseListThresholds.Default"/> thresholds (the one the container builds).</summary>
    /// <param name="db">The provider's context.</param>
    public CaseQueries(WorkflowDbContext db)
        : this(db, CaseListThresholds.Default)
    {
    }

    public async Task<CasePage> ListAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, CaseFilter.MaxPageSize);
        var skip = (page - 1) * size;
        if (filter.Scope.None)
        {
            return new CasePage([], 0, page, size);
        }

        var search = new CaseSearchIndex(db);
        var criteria = new CaseCriteria(db, search, filter);
        var total = await CountAsync(criteria, search, cancellationToken).ConfigureAwait(false);
        var ids = total <= skip ? [] : await PageAsync(criteria, search, total, skip, size, cancellationToken).ConfigureAwait(false);
        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Snapshot, c.Version, c.AuditSequence, c.AuditHead })
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var cases = ids.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(r => new StoredCase(CaseJson.Deserialize(r.Snapshot) with { Version = r.Version }, r.AuditSequence, r.AuditHead)).ToArray();
        return new CasePage(cases, total, page, size);
    }

    private static async Task<int> CountAsync(CaseCriteria criteria, CaseSearchIndex search, CancellationToken cancellationToken)
    {
        if (!criteria.HasColumns && !criteria.HasDeadlines && criteria.Text is { } text
            && await search.CountExactAsync(text, cancellationToken).ConfigureAwait(false) is { } hits)
        {
            return hits;
        }

        if (await criteria.CountDeadlineCasesOnlyAsync(cancellationToken).ConfigureAwait(false) is { } deadlineCases)
        {
            return deadlineCases;
        }

        return await criteria.AsSets().CountAsync(cancellationToken).ConfigureAwait(false);
    }

    // The page's ids, newest first. Only the search and deadline criteria are walked: a filter on the case's columns
    // alone is one walk of its (column, UpdatedAt) index already, and combined with them the sets stay the plan.
    private async Task<List<string>> PageAsync(CaseCriteria criteria, CaseSearchIndex search, int total, int skip, int size, CancellationToken cancellationToken)
    {
        var manyMatches = total > thresholds.SortAtMost && skip + size <= total;
        if (manyMatches && !criteria.HasColumns && (criteria.Text is not null || criteria.HasDeadlines))
        {
            var cases = await search.EstimateCasesAsync(cancellationToken).ConfigureAwait(false);
            var window = Math.Max(thresholds.MinWindow, Math.Ceiling((double)thresholds.WindowMargin * (skip + size) * cases / total));
            if (window <= thresholds.WalkAtMost
                && await WalkAsync(criteria, (int)window, skip, size, cancellationToken).ConfigureAwait(false) is { } walked)
            {
                return walked;
            }
        }

        return await PageOfAsync(criteria.AsSets(), skip, size, cancellationToken).ConfigureAwait(false);
    }

    // The page from the `window` newest cases (all cases whose UpdatedAt is at least the window's last one, so ties are
    // never cut), or null when they hold fewer matches than the page needs: the older cases might then belong to it.
    private async Task<List<string>?> WalkAsync(CaseCriteria criteria, int window, int skip, int size, CancellationToken cancellationToken)
    {
        var floor = await db.Cases.AsNoTracking().OrderByDescending(c => c.UpdatedAt).Select(c => (long?)c.UpdatedAt)
            .Skip(window - 1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var query = criteria.AsRowTests();
        if (floor is { } f)
        {
            query = query.Where(c => c.UpdatedAt >= f);
        }

        var ids = await PageOfAsync(query, skip, size, cancellationToken).ConfigureAwait(false);
        return ids.Count == size || floor is null ? ids : null;
    }

    // The page's ids first, then their rows: sorting thousands of matches then carries ids, not snapshots.
    private static Task<List<string>> PageOfAsync(IQueryable<CaseRow> query, int skip, int size, CancellationToken cancellationToken) =>
        query.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id).Skip(skip).Take(size).Select(c => c.Id).ToListAsync(cancellationToken);
}
