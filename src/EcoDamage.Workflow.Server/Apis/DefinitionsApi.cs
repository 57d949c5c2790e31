using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagrams;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Read, draw and validate workflow definitions: <c>/api/definitions</c>.</summary>
internal static partial class DefinitionsApi
{
    private const string Yaml = "application/yaml";
    private const string PlainText = "text/plain; charset=utf-8";
    private const string AdministratorRole = "administrator";
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Maps the definitions endpoints.</summary>
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/definitions").WithTags("Definitions");

        api.MapGet("/", List)
            .WithName("ListDefinitions")
            .WithSummary("Every definition version, with its effective period and whether it is in force today (Asia/Shanghai).");
        api.MapGet("/{id}", GetLatest)
            .WithName("GetDefinition")
            .WithSummary("The newest version of a definition: JSON, or the file as written with Accept: application/yaml or ?format=yaml.")
            .Produces<string>(StatusCodes.Status200OK, Yaml);
        api.MapGet("/{id}/versions/{version}", GetVersion)
            .WithName("GetDefinitionVersion")
            .WithSummary("One version of a definition: JSON, or the file as written with Accept: application/yaml or ?format=yaml.")
            .Produces<string>(StatusCodes.Status200OK, Yaml);
        api.MapGet("/{id}/diagram", GetDiagram)
            .WithName("GetDefinitionDiagram")
            .WithSummary("The newest version drawn as Mermaid (default) or Graphviz DOT text, labelled in Chinese (default) or English.");
        api.MapGet("/{id}/versions/{version}/diagram", GetVersionDiagram)
            .WithName("GetDefinitionVersionDiagram")
            .WithSummary("One version drawn as Mermaid (default) or Graphviz DOT text, labelled in Chinese (default) or English.");
        // Validation is CPU-bound: only an administrator may post a definition, and only a few run at once.
        api.MapPost("/validate", Validate)
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(CallerClaims.Role, AdministratorRole))
            .WithName("ValidateDefinition")
            .WithSummary("Validates a posted YAML or JSON definition against the catalog and returns every problem (administrator only).")
            .Accepts<string>(Yaml, "text/yaml", "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static Ok<DefinitionList> List(DefinitionCatalog catalog, TimeProvider time)
    {
        var today = time.GetUtcNow().ToInstant().InZone(Shanghai).Date;
        var state = catalog.State;
        var items = state.Catalog.Workflows
            .Select(w => w.Definition)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ThenByDescending(d => d.Version)
            .Select(d => Summary(d, state, today))
            .ToList();
        return TypedResults.Ok(new DefinitionList(today.ToDateOnly(), items));
    }

    private static DefinitionSummary Summary(WorkflowDefinition d, CatalogState state, LocalDate today)
    {
        var inForce = !state.Catalog.NotInForce.Contains(d.Key) && d.Effective.Contains(today);
        var summary = new DefinitionSummary(
            d.Id, d.Version.ToString(), new LocalizedTitle(d.Title.Zh, d.Title.En), d.Effective.From.ToDateOnly(), d.Effective.To?.ToDateOnly(), inForce);
        return state.Publications.TryGetValue(d.Key, out var p)
            ? summary with
            {
                Status = p.Withdrawn is null ? "published" : "withdrawn",
                PublishedBy = p.Published.By,
                PublishedAt = p.Published.At.ToDateTimeOffset(),
                Reason = p.Published.Reason,
                ContentHash = p.ContentHash,
            }
            : summary;
    }

    internal static Results<Ok<System.Text.Json.Nodes.JsonNode>, ContentHttpResult, ValidationProblem, ProblemHttpResult> GetLatest(
        string id, string? format, HttpRequest request, DefinitionCatalog catalog) =>
        Read(catalog.Catalog.Latest(id), $"No definition '{id}'.", format, request, catalog);

    internal static Results<Ok<System.Text.Json.Nodes.JsonNode>, ContentHttpResult, ValidationProblem, ProblemHttpResult> GetVersion(
        string id, string version, string? format, HttpRequest request, DefinitionCatalog catalog) =>
        SemanticVersion.TryParse(version, out var parsed)
            ? Read(catalog.Catalog.Find(id, parsed), $"No definition '{id}' version {version}.", format, request, catalog)
            : Problems.BadParameter(nameof(version), $"'{version}' is not a major.minor.patch version.");

    internal static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> GetDiagram(
        string id, string? format, string? lang, DefinitionCatalog catalog) =>
        Draw(catalog.Catalog.Latest(id), $"No definition '{id}'.", format, lang, catalog);

    internal static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> GetVersionDiagram(
        string id, string version, string? format, string? lang, DefinitionCatalog catalog) =>
        SemanticVersion.TryParse(version, out var parsed)
            ? Draw(catalog.Catalog.Find(id, parsed), $"No definition '{id}' version {version}.", format, lang, catalog)
            : Problems.BadParameter(nameof(version), $"'{version}' is not a major.minor.patch version.");

    private static Results<Ok<System.Text.Json.Nodes.JsonNode>, ContentHttpResult, ValidationProblem, ProblemHttpResult> Read(
        CompiledWorkflow? workflow, string notFound, string? format, HttpRequest request, DefinitionCatalog catalog)
    {
        bool yaml;
        switch (format?.ToLowerInvariant())
        {
            case null:
                yaml = request.GetTypedHeaders().Accept.Any(a =>
                    a.MediaType.Equals(Yaml, StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("text/yaml", StringComparison.OrdinalIgnoreCase));
                break;
            case "yaml":
                yaml = true;
                break;
            case "json":
                yaml = false;
                break;
            default:
                return Problems.BadParameter(nameof(format), $"'{format}' is not a format; use yaml or json.");
        }

        if (workflow is null || catalog.Catalog.SourceOf(workflow.Key) is not { } source)
        {
            return Problems.NotFound(notFound);
        }

        return yaml
            ? TypedResults.Text(source.Text, Yaml + "; charset=utf-8")
            : TypedResults.Ok(YamlJson.Convert(source.Text)!);
    }

    private static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Draw(
        CompiledWorkflow? workflow, string notFound, string? format, string? lang, DefinitionCatalog catalog)
    {
        var language = lang?.ToLowerInvariant() ?? "zh";
        if (language is not ("zh" or "en"))
        {
            return Problems.BadParameter(nameof(lang), $"'{lang}' is not a language; use zh or en.");
        }

        var kind = format?.ToLowerInvariant() ?? "mermaid";
        if (kind is not ("mermaid" or "dot"))
        {
            return Problems.BadParameter(nameof(format), $"'{format}' is not a diagram format; use mermaid or dot.");
        }

        if (workflow is null)
        {
            return Problems.NotFound(notFound);
        }

        var options = new DiagramOptions(language, catalog.Catalog.Roles);
        var text = kind == "dot" ? DotDiagram.Render(workflow.Definition, options) : MermaidDiagram.Render(workflow.Definition, options);
        return TypedResults.Text(text, PlainText);
    }
}
