namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>Everything the definition store holds that the catalog is built from.</summary>
/// <param name="Definitions">Every published version, withdrawn ones included (cases started on them keep running).</param>
/// <param name="Documents">The newest revision of every other document.</param>
/// <param name="Stamp">The catalog's change counter: it grows with every publication or withdrawal.</param>
public sealed record StoredCatalog(IReadOnlyList<PublishedDefinition> Definitions, IReadOnlyList<CatalogDocument> Documents, long Stamp);
