namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>
/// One revision of a catalog document other than a definition: roles, the ledger heads, a holiday calendar, the
/// reference data, a lookup table or a scenario. The newest revision of each path is in force.
/// </summary>
/// <param name="Path">Path in the catalog (<c>calendars/cn-mainland.yaml</c>).</param>
/// <param name="Revision">1 for the first publication, one more for each next.</param>
/// <param name="Text">The document exactly as published.</param>
/// <param name="ContentHash">SHA-256 (hex) of the UTF-8 text.</param>
/// <param name="Published">Who published it, when and why.</param>
/// <param name="Origin"><c>seed</c> or <c>draft</c>.</param>
public sealed record CatalogDocument(string Path, int Revision, string Text, string ContentHash, Publication Published, string Origin);
