using System.Text.Json;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagrams;
using EcoDamage.Workflow.Engine.Diffing;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>The semantic diff of two definition versions: <c>GET /api/definitions/{id}/diff?from=…&amp;to=…</c>.</summary>
internal static class DefinitionDiffApi
{
    private const string PlainText = "text/plain; charset=utf-8";
    private static readonly string[] Formats = ["json", "text", "mermaid", "dot"];

    /// <summary>Maps the diff endpoint (any authenticated caller, as the other definition reads).</summary>
    public static IEndpointRouteBuilder MapDefinitionDiffApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/definitions/{id}/diff", GetDiff)
            .RequireAuthorization()
            .WithTags("Definitions")
            .WithName("DiffDefinitionVersions")
            .WithSummary("What changed from one version of a definition to another, by meaning: JSON (default), one sentence per line (format=text), "
                + "or the newer version drawn with the changes marked (format=mermaid or dot); in Chinese (default) or English (lang=en).")
            .Produces<DefinitionDiffResponse>(StatusCodes.Status200OK)
            .AddOpenApiOperationTransformer(DocumentTextFormats)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The text formats share the 200 answer with the JSON one: both media types are documented.</summary>
    private static Task DocumentTextFormats(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
        {
            content["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        return Task.CompletedTask;
    }

    internal static Results<Ok<DefinitionDiffResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult> GetDiff(
        string id, string? from, string? to, string? format, string? lang, DefinitionCatalog catalog)
    {
        if (Version(nameof(from), from, out var older) is { } badFrom)
        {
            return badFrom;
        }

        if (Version(nameof(to), to, out var newer) is { } badTo)
        {
            return badTo;
        }

        if (Options(format, lang) is { } badOption)
        {
            return badOption;
        }

        var current = catalog.Catalog;
        if (current.Latest(id) is null)
        {
            return Problems.NotFound($"No definition '{id}'.");
        }

        var before = current.Find(id, older);
        if (before is null)
        {
            return Problems.NotFound($"No definition '{id}' version {from} (from).");
        }

        var after = current.Find(id, newer);
        if (after is null)
        {
            return Problems.NotFound($"No definition '{id}' version {to} (to).");
        }

        return Respond(before.Definition, after.Definition, format, lang, current.Roles);
    }

    /// <summary>
    /// The answer for two definitions in the requested format and language: the entry point for any pair, e.g. a published
    /// version and a draft (<paramref name="fromLabel"/>/<paramref name="toLabel"/> name them in the JSON; by default their versions).
    /// </summary>
    /// <returns>200 with JSON or text; 400 naming <c>format</c> or <c>lang</c> when either is not one this endpoint knows.</returns>
    internal static Results<Ok<DefinitionDiffResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult> Respond(
        WorkflowDefinition from, WorkflowDefinition to, string? format, string? lang, RoleCatalog? roles, string? fromLabel = null, string? toLabel = null)
    {
        if (Options(format, lang) is { } badOption)
        {
            return badOption;
        }

        var language = lang?.ToLowerInvariant() ?? "zh";
        var options = new DiagramOptions(language, roles);
        switch (format?.ToLowerInvariant() ?? "json")
        {
            case "mermaid":
                return TypedResults.Text(DiffDiagram.Mermaid(from, to, options), PlainText);
            case "dot":
                return TypedResults.Text(DiffDiagram.Dot(from, to, options), PlainText);
        }

        var diff = DefinitionDiffer.Diff(from, to);
        if (string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            var lines = diff.Describe(language);
            return TypedResults.Text(lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n", PlainText);
        }

        var changes = diff.Changes
            .Select(c => new DefinitionChangeItem(Camel(c.Kind.ToString()), Camel(c.Element.ToString()), c.Path, c.Before, c.After, c.Describe(language)))
            .ToList();
        return TypedResults.Ok(new DefinitionDiffResponse(to.Id, fromLabel ?? from.Version.ToString(), toLabel ?? to.Version.ToString(), changes));
    }

    /// <summary>400 naming <c>format</c> or <c>lang</c>, or null when both are known (or absent).</summary>
    internal static ValidationProblem? Options(string? format, string? lang)
    {
        if (format is not null && !Formats.Contains(format.ToLowerInvariant()))
        {
            return Problems.BadParameter(nameof(format), $"'{format}' is not a diff format; use json, text, mermaid or dot.");
        }

        return lang is not null && lang.ToLowerInvariant() is not ("zh" or "en")
            ? Problems.BadParameter(nameof(lang), $"'{lang}' is not a language; use zh or en.")
            : null;
    }

    private static ValidationProblem? Version(string parameter, string? text, out SemanticVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text))
        {
            return Problems.BadParameter(parameter, "A version (major.minor.patch) is required.");
        }

        return SemanticVersion.TryParse(text, out version)
            ? null
            : Problems.BadParameter(parameter, $"'{text}' is not a major.minor.patch version.");
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
