using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Queries;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Search;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>
/// Case listings over the indexed filter columns, the deadline rows and the clue search index. Every filter value is
/// bound as a parameter and compared as given: a <c>%</c> or <c>_</c> is a character, not a wildcard.
/// </summary>
/// <param name="db">The provider's context.</param>
internal sealed class CaseQueries(WorkflowDbContext db) : ICaseQueries
{
    public async Task<CasePage> ListAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, CaseFilter.MaxPageSize);
        var query = db.Cases.AsNoTracking();
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

        if (filter.Text is { Length: > 0 } text)
        {
            var hits = Search(text);
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
            var to = Ticks.From(dueBy);
            var from = filter.DueFrom is { } f ? Ticks.From(f) : long.MinValue;
            query = query.Where(c => db.Deadlines.Where(d => d.Due >= from && d.Due <= to).Select(d => d.CaseId).Contains(c.Id));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);

        // The page's ids first, then their rows: sorting thousands of matches then carries ids, not snapshots.
        var ids = await query.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Snapshot, c.Version, c.AuditSequence, c.AuditHead })
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var cases = ids.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(r => new StoredCase(CaseJson.Deserialize(r.Snapshot) with { Version = r.Version }, r.AuditSequence, r.AuditHead)).ToArray();
        return new CasePage(cases, total, page, size);
    }

    // The ids of the cases whose text contains `text`: the index finds the rows holding every bigram of it, the
    // substring check keeps those that hold it in one piece. A text without a bigram (one character) scans the entries.
    private IQueryable<string> Search(string text)
    {
        var grams = CaseSearchText.Bigrams(text);
        var match = db is PostgreSqlWorkflowDbContext ? null : CaseSearchText.Fts5Match(grams);
        if (grams.Count == 0 || (match is null && db is not PostgreSqlWorkflowDbContext))
        {
            return db.CaseSearch.Where(s => s.Text.Contains(text)).Select(s => s.CaseId);
        }

        if (db is PostgreSqlWorkflowDbContext)
        {
            var array = grams.ToArray();
            return db.Database.SqlQuery<string>(
                $"""SELECT s."CaseId" AS "Value" FROM "CaseSearch" AS s WHERE string_to_array(s."Grams", ' ') @> {array} AND strpos(s."Text", {text}) > 0""");
        }

        return db.Database.SqlQuery<string>(
            $"""SELECT s."CaseId" AS "Value" FROM "CaseSearch" AS s WHERE s."Id" IN (SELECT rowid FROM "CaseSearchIndex" WHERE "CaseSearchIndex" MATCH {match}) AND instr(s."Text", {text}) > 0""");
    }
}
