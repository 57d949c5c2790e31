using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Server.Simulations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A draft seen before publishing: its semantic diff against a published version, and its simulation (administrators only).</summary>
internal static class DefinitionDraftToolsApi
{
    /// <summary>Maps <c>GET /api/definitions/drafts/{draftId}/diff</c> and <c>POST /api/definitions/drafts/{draftId}/simulations</c>.</summary>
    public static IEndpointRouteBuilder MapDefinitionDraftToolsApi(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/definitions/drafts/{draftId}").WithTags(DefinitionDraftsApi.Tag).RequireAuthorization(AdministratorPolicy.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        drafts.MapGet("/diff", Diff)
            .WithName("DiffDefinitionDraft")
            .WithSummary("What the draft changes against a published version (against=id@version; default: the version it is based on, else the newest): JSON, text, or a marked Mermaid/DOT diagram.")
            .Produces<DefinitionDiffResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        drafts.MapPost("/simulations", SimulateAsync)
            .WithName("SimulateDefinitionDraft")
            .WithSummary("Runs stored and/or posted scenarios on the draft and on the published catalog, on a virtual clock, and answers both timelines and their differences.")
            .Accepts<SimulationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<DefinitionDiffResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Diff(
        string draftId, string? against, string? format, string? lang, IDraftStore drafts, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        if (DefinitionDiffApi.Options(format, lang) is { } bad)
        {
            return bad;
        }

        if (await drafts.GetAsync(draftId, cancellationToken) is not { } draft)
        {
            return DefinitionDraftsApi.NoDraft(draftId);
        }

        var current = catalog.Catalog;
        if (Definition(draft, current) is not { } definition)
        {
            return NotADefinition(draftId);
        }

        var key = against ?? draft.BasedOn ?? current.Latest(definition.Id)?.Key;
        var at = key?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (key is null || at <= 0 || !SemanticVersion.TryParse(key[(at + 1)..], out var version))
        {
            return key is null
                ? Problems.NotFound($"No published version of '{definition.Id}' to compare the draft with.")
                : Problems.BadParameter(nameof(against), $"'{key}' is not id@major.minor.patch.");
        }

        if (current.Find(key[..at], version) is not { } published)
        {
            return Problems.NotFound($"No published definition '{key}' (against).");
        }

        return DefinitionDiffApi.Respond(published.Definition, definition, format, lang, current.Roles, published.Definition.Version.ToString(), $"draft:{draft.Id}");
    }

    private static async Task<Results<Ok<SimulationReport>, ValidationProblem, ProblemHttpResult>> SimulateAsync(
        string draftId, SimulationRequest? request, HttpContext http, IDraftStore drafts, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        if (await drafts.GetAsync(draftId, cancellationToken) is not { } draft)
        {
            return DefinitionDraftsApi.NoDraft(draftId);
        }

        if (draft.Kind != DraftKind.Definition)
        {
            return NotADefinition(draftId);
        }

        return await DefinitionSimulator.SimulateAsync(catalog.Catalog, draft.Text, request ?? new SimulationRequest(), http, cancellationToken);
    }

    /// <summary>The definition a draft's text declares, when it is a definition draft whose text can be read.</summary>
    private static WorkflowDefinition? Definition(DefinitionDraft draft, Engine.Catalog.WorkflowCatalog current) =>
        draft.Kind == DraftKind.Definition ? current.ValidateCandidate(draft.Text, DraftValidator.DisplayName(draft)).Definition : null;

    private static ProblemHttpResult NotADefinition(string draftId) => TypedResults.Problem(
        $"Draft '{draftId}' is not a readable workflow definition (a document draft, or text that cannot be read: see its problems).",
        statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unprocessable Content", type: "https://tools.ietf.org/html/rfc9110#section-15.5.21");
}
