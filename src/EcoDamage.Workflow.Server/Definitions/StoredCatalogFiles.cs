using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Runtime.Catalog;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// The definition store's content as catalog files: each definition version a root file named
/// <c>{id}@{version}.workflow.{yaml|json}</c> (withdrawn ones marked), each document at its path.
/// </summary>
internal static class StoredCatalogFiles
{
    public static IReadOnlyList<CatalogFile> Of(StoredCatalog stored) =>
        stored.Definitions.Select(File)
            .Concat(stored.Documents.Select(d => new CatalogFile(d.Path, d.Text, $"{d.Path}#{d.Revision}")))
            .ToList();

    public static CatalogFile File(PublishedDefinition d) =>
        new($"{d.Key}.workflow.{d.Format}", d.Text, $"{d.Key}.workflow.{d.Format}") { Withdrawn = d.Withdrawn is not null };
}
