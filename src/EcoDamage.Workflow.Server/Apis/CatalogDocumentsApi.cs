using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>The catalog's other documents (calendars, reference data, tables, roles, ledger heads, scenarios): <c>/api/catalog/documents</c>.</summary>
internal static class CatalogDocumentsApi
{
    /// <summary>Maps the document endpoints (any authenticated caller may read them, as definitions).</summary>
    public static IEndpointRouteBuilder MapCatalogDocumentsApi(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/catalog/documents").WithTags("Definitions");
        documents.MapGet("/", List)
            .WithName("ListCatalogDocuments")
            .WithSummary("Every catalog document in force, with its revision and who published it.");
        documents.MapGet("/{**path}", Get)
            .WithName("GetCatalogDocument")
            .WithSummary("The text of a catalog document in force (YAML).")
            .Produces<string>(StatusCodes.Status200OK, "application/yaml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<CatalogDocumentView[]> List(DefinitionCatalog catalog)
    {
        var state = catalog.State;
        return TypedResults.Ok(state.Catalog.Files
            .Where(f => DocumentPaths.IsAllowed(f.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => state.Documents.TryGetValue(f.Path, out var d)
                ? new CatalogDocumentView(d.Path, d.Revision, d.ContentHash, d.Published.By, d.Published.At.ToDateTimeOffset(), d.Published.Reason)
                : new CatalogDocumentView(f.Path, 1, CatalogAdministration.Hash(f.Text), null, null, null))
            .ToArray());
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Get(string path, DefinitionCatalog catalog) =>
        DocumentPaths.IsAllowed(path) && catalog.Catalog.Files.FirstOrDefault(f => f.Path == path) is { } file
            ? TypedResults.Text(file.Text, "application/yaml; charset=utf-8")
            : Problems.NotFound($"No catalog document '{path}'.");
}
