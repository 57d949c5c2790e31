using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Runtime.Catalog;
using NodaTime;
using NodaTime.Extensions;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// The catalog folder as the store's first publication: every definition version and every other catalog document
/// (roles, ledger heads, calendars, reference data, tables, scenarios; not the JSON Schema, which ships with the build),
/// published by <c>system</c> with the reason that names the folder.
/// </summary>
internal static class SeedCatalog
{
    /// <summary>The actor and role of the import.</summary>
    public const string System = "system";

    public static (IReadOnlyList<PublishedDefinition> Definitions, IReadOnlyList<CatalogDocument> Documents, AdministrationEntry Entry) Read(
        string directory, WorkflowCatalog seed, DateTimeOffset now)
    {
        var at = now.ToInstant();
        var reason = $"Seed catalog imported from {directory} on first start";
        var publication = new Publication(System, System, at, reason);
        var definitions = seed.Workflows
            .Select(w => (w.Definition, File: seed.SourceOf(w.Key)!))
            .Select(x => new PublishedDefinition(
                x.Definition.Id,
                x.Definition.Version.ToString(),
                FormatOf(x.File.Path),
                x.File.Text,
                CatalogAdministration.Hash(x.File.Text),
                x.Definition.Effective.From.ToString("yyyy-MM-dd", null),
                x.Definition.Effective.To?.ToString("yyyy-MM-dd", null),
                publication,
                "seed"))
            .ToList();
        var sources = definitions.Select(d => seed.SourceOf(d.Key)!.Path).ToHashSet(StringComparer.Ordinal);
        var documents = seed.Files
            .Where(f => !sources.Contains(f.Path) && !f.Path.StartsWith("schema/", StringComparison.Ordinal))
            .Select(f => new CatalogDocument(f.Path, 1, f.Text, CatalogAdministration.Hash(f.Text), publication, "seed"))
            .ToList();
        var detail = JsonSerializer.Serialize(new
        {
            reason,
            definitions = definitions.Select(d => new { key = d.Key, contentHash = d.ContentHash }),
            documents = documents.Select(d => new { path = d.Path, contentHash = d.ContentHash }),
        });
        return (definitions, documents, new AdministrationEntry(at, System, System, AdministrationKinds.CatalogImported, "catalog", detail));
    }

    /// <summary><c>json</c> for a <c>.json</c> file, else <c>yaml</c>.</summary>
    public static string FormatOf(string path) => path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml";
}
