using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Search;

/// <summary>
/// The clue search index of one provider: SQLite's FTS5 table <c>CaseSearchIndex</c> over the bigrams, PostgreSQL's
/// GIN index over the bigram array. A case's hits are the rows holding every bigram of the text, confirmed by a
/// substring check unless the index hit already is the match (see <see cref="IsExact"/>).
/// </summary>
/// <param name="db">The provider's context.</param>
internal sealed class CaseSearchIndex(WorkflowDbContext db)
{
    private bool PostgreSql => db is PostgreSqlWorkflowDbContext;

    /// <summary>
    /// Whether the index's rows for <paramref name="text"/> are exactly the rows containing it, with no substring check:
    /// true for a text of two characters (code points), neither white space: its one bigram is the text, and bigrams
    /// never span two text values (a line break ends one). On SQLite both characters must also be non-ASCII, as the
    /// <c>ascii</c> tokenizer folds ASCII letters' case and splits at ASCII punctuation.
    /// </summary>
    public bool IsExact(string text)
    {
        var grams = CaseSearchText.Bigrams(text);
        return grams.Count == 1 && string.Equals(grams[0], text, StringComparison.Ordinal)
            && (PostgreSql || text.All(ch => ch > 127));
    }

    /// <summary>The ids of the cases whose text contains <paramref name="text"/>.</summary>
    /// <remarks>A text without an indexable bigram (one character, or ASCII punctuation on SQLite) scans the entries.</remarks>
    public IQueryable<string> Hits(string text)
    {
        var grams = CaseSearchText.Bigrams(text);
        var exact = IsExact(text);
        if (PostgreSql && grams.Count > 0)
        {
            var array = grams.ToArray();
            return exact
                ? db.Database.SqlQuery<string>($"""SELECT s."CaseId" AS "Value" FROM "CaseSearch" AS s WHERE string_to_array(s."Grams", ' ') @> {array}""")
                : db.Database.SqlQuery<string>($"""SELECT s."CaseId" AS "Value" FROM "CaseSearch" AS s WHERE string_to_array(s."Grams", ' ') @> {array} AND strpos(s."Text", {text}) > 0""");
        }

        if (!PostgreSql && CaseSearchText.Fts5Match(grams) is { } match)
        {
            return exact
                ? db.Database.SqlQuery<string>($"""SELECT s."CaseId" AS "Value" FROM "CaseSearch" AS s WHERE s."Id" IN (SELECT rowid FROM "CaseSearchIndex" WHERE "CaseSearchIndex" MATCH {match})""")
                : db.Database.SqlQuery<string>($"""SELECT s."CaseId" AS "Value" FROM "CaseSearch" AS s WHERE s."Id" IN (SELECT rowid FROM "CaseSearchIndex" WHERE "CaseSearchIndex" MATCH {match}) AND instr(s."Text", {text}) > 0""");
        }

        return db.CaseSearch.Where(s => s.Text.Contains(text)).Select(s => s.CaseId);
    }

    /// <summary>
    /// How many cases contain <paramref name="text"/>, read from the index alone (one entry per case), or null when the
    /// index cannot answer without a substring check (<see cref="IsExact"/> is false).
    /// </summary>
    public async Task<int?> CountExactAsync(string text, CancellationToken cancellationToken)
    {
        if (!IsExact(text))
        {
            return null;
        }

        var grams = CaseSearchText.Bigrams(text).ToArray();
        var count = PostgreSql
            ? db.Database.SqlQuery<int>($"""SELECT COUNT(*)::int AS "Value" FROM "CaseSearch" AS s WHERE string_to_array(s."Grams", ' ') @> {grams}""")
            : db.Database.SqlQuery<int>($"""SELECT COUNT(*) AS "Value" FROM "CaseSearchIndex" WHERE "CaseSearchIndex" MATCH {CaseSearchText.Fts5Match(grams)}""");
        return await count.SingleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// About how many cases are stored (the index's largest key: one entry per case, written with it), to guess what
    /// share of them a filter matches. Only steers the choice of plan, never a result.
    /// </summary>
    public async Task<long> EstimateCasesAsync(CancellationToken cancellationToken) =>
        await db.CaseSearch.MaxAsync(s => (long?)s.Id, cancellationToken).ConfigureAwait(false) ?? 0;
}
