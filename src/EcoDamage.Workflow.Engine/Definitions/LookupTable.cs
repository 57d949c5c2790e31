namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// A data table a derived field reads, e.g. the damage-domain → department routing of R2.
/// </summary>
/// <param name="Id">Table id.</param>
/// <param name="Name">Label.</param>
/// <param name="Rows">Key → value.</param>
/// <param name="Default">Value for keys without a row, or null when every key must have one.</param>
/// <param name="Implements">Requirement ids.</param>
public sealed record LookupTable(
    string Id,
    LocalizedText Name,
    IReadOnlyDictionary<string, string> Rows,
    string? Default,
    IReadOnlyList<Token> Implements)
{
    /// <summary>The value for <paramref name="key"/>, the default, or null.</summary>
    public string? Find(string key) => Rows.TryGetValue(key, out var v) ? v : Default;

    /// <summary>
    /// Rows refined by further facts (<c>row: { by: FIELD, rows: …, default: … }</c>): the key selects a sub-table
    /// keyed by another field of the case (e.g. R2's vessel pollution by port waters, then by fishing vessel).
    /// </summary>
    /// <value>Empty: every row maps straight to a value.</value>
    public IReadOnlyDictionary<string, LookupTable> Branches { get; init; } = new Dictionary<string, LookupTable>(StringComparer.Ordinal);

    /// <summary>For a branch: the field whose value (text, enum id, or <c>true</c>/<c>false</c>) selects its row.</summary>
    /// <value>Null for a top-level table (its key is the field's <c>lookup: key</c>).</value>
    public Token? By { get; init; }
}
