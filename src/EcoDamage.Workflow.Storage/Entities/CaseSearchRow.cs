namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>
/// A case's entry in the clue search index, written with the case in the same transaction: its text values and
/// their character bigrams (see <c>CaseSearchText</c>). SQLite indexes <see cref="Grams"/> in the FTS5 table
/// <c>CaseSearchIndex</c> (kept by triggers on this table), PostgreSQL in a GIN index over the bigram array.
/// </summary>
internal sealed class CaseSearchRow
{
    /// <summary>A stable integer key (the FTS5 index's rowid on SQLite).</summary>
    public long Id { get; set; }

    public required string CaseId { get; set; }

    /// <summary>The case's text values, one per line (the substring check's subject).</summary>
    public required string Text { get; set; }

    /// <summary>The distinct bigrams of <see cref="Text"/>, space-separated.</summary>
    public required string Grams { get; set; }
}
