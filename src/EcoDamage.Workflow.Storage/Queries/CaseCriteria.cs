using EcoDamage.Workflow.Runtime.Queries;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Search;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>
/// A <see cref="CaseFilter"/> as queries over the cases, in two equivalent shapes: <see cref="AsSets"/> starts from
/// the index that finds the matches (search hits, deadline rows by <c>Due</c>), for counting and for sorting few matches;
/// <see cref="AsRowTests"/> tests each case for them (a substring check on its search entry, an <c>EXISTS</c> over its
/// deadlines), for walking the cases newest first when matches are many. Every value is bound as a parameter and
/// compared as given: a <c>%</c> or <c>_</c> is a character, not a wildcard.
/// </summary>
/// <param name="db">The provider's context.</param>
/// <param name="search">The provider's search index.</param>
/// <param name="filter">The criteria.</param>
internal sealed class CaseCriteria(WorkflowDbContext db, CaseSearchIndex search, CaseFilter filter)
{
    /// <summary>The text to find, or null.</summary>
    public string? Text => filter.Text is { Length: > 0 } text ? text : null;

    /// <summary>Whether a criterion on the case's own columns (scope, state, department, jurisdiction, channel, domain) is given.</summary>
    public bool HasColumns =>
        Access.ScopeFilter.Restricts(filter.Scope) || filter.States.Count > 0 || filter.Department is not null || filter.Jurisdiction is not null || filter.Channel is not null || filter.Domain is not null;

    /// <summary>Whether a deadline criterion (overdue, due between) is given.</summary>
    public bool HasDeadlines => filter.OverdueAt is not null || filter.DueBy is not null;

    /// <summary>The cases matching the filter, the search and deadline criteria as sets read from their indexes.</summary>
    public IQueryable<CaseRow> AsSets()
    {
        var query = Columns();
        if (Text is { } text)
        {
            var hits = search.Hits(text);
            query = query.Where(c => hits.Contains(c.Id));
        }

        // The deadline filters start from the deadline rows' Due index (few cases are overdue), not from every case.
        if (filter.OverdueAt is { } overdue)
        {
            var ticks = Ticks.From(overdue);
            query = query.Where(c => db.Deadlines.Where(d => d.Due <= ticks).Select(d => d.CaseId).Contains(c.Id));
        }

        if (filter.DueBy is { } dueBy)
        {
            var (from, to) = DueRange(dueBy);
            query = query.Where(c => db.Deadlines.Where(d => d.Due >= from && d.Due <= to).Select(d => d.CaseId).Contains(c.Id));
        }

        return query;
    }

    /// <summary>The cases matching the filter, the search and deadline criteria tested on each case.</summary>
    public IQueryable<CaseRow> AsRowTests()
    {
        var query = Columns();
        if (Text is { } text)
        {
            query = query.Where(c => db.CaseSearch.Any(s => s.CaseId == c.Id && s.Text.Contains(text)));
        }

        if (filter.OverdueAt is { } overdue)
        {
            var ticks = Ticks.From(overdue);
            query = query.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Due <= ticks));
        }

        if (filter.DueBy is { } dueBy)
        {
            var (from, to) = DueRange(dueBy);
            query = query.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Due >= from && d.Due <= to));
        }

        return query;
    }

    /// <summary>
    /// How many cases have a deadline matching the deadline criteria when they are the only criteria (one of them),
    /// counted over the deadline rows' <c>Due</c> index (distinct cases); null otherwise.
    /// </summary>
    public async Task<int?> CountDeadlineCasesOnlyAsync(CancellationToken cancellationToken)
    {
        if (HasColumns || Text is not null || (filter.OverdueAt is null) == (filter.DueBy is null))
        {
            return null;
        }

        // COUNT(DISTINCT) rather than EF's COUNT over a DISTINCT subquery, which SQLite plans as a scan of every
        // deadline row in key order instead of the range of the Due index. On SQLite the range's rowids are read first
        // (the index covers them) and the rows then fetched in rowid order, page after page, not in Due order (less
        // than half the time at 38,000 overdue of 400,000 deadlines); PostgreSQL's bitmap scan already reads in page order.
        var (from, to) = filter.OverdueAt is { } overdue ? (long.MinValue, Ticks.From(overdue)) : DueRange(filter.DueBy!.Value);
        var count = db is PostgreSqlWorkflowDbContext
            ? db.Database.SqlQuery<long>(
                $"""SELECT COUNT(DISTINCT d."CaseId") AS "Value" FROM "Deadlines" AS d WHERE d."Due" >= {from} AND d."Due" <= {to}""")
            : db.Database.SqlQuery<long>(
                $"""SELECT COUNT(DISTINCT d."CaseId") AS "Value" FROM "Deadlines" AS d WHERE d.rowid IN (SELECT r.rowid FROM "Deadlines" AS r WHERE r."Due" >= {from} AND r."Due" <= {to})""");
        return (int)await count.SingleAsync(cancellationToken).ConfigureAwait(false);
    }

    private (long From, long To) DueRange(Instant dueBy) =>
        (filter.DueFrom is { } f ? Ticks.From(f) : long.MinValue, Ticks.From(dueBy));

    private IQueryable<CaseRow> Columns()
    {
        var query = Access.ScopeFilter.Within(db.Cases.AsNoTracking(), filter.Scope, db);
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToArray();
            query = query.Where(c => states.Contains(c.State));
        }

        if (filter.Department is { } department)
        {
            query = query.Where(c => c.Department == department);
        }

        if (filter.Jurisdiction is { } jurisdiction)
        {
            query = query.Where(c => c.Jurisdiction == jurisdiction);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        if (filter.Domain is { } domain)
        {
            // The domain has no column of its own: its tagged value in the snapshot, matched as text (never as a pattern).
            var tagged = $"\"domain\":{{\"text\":{System.Text.Json.JsonSerializer.Serialize(domain, CaseJson.Options)}}}";
            query = query.Where(c => c.Snapshot.Contains(tagged));
        }

        return query;
    }
}
