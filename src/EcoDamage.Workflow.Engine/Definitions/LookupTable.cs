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
}
