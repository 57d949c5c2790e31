using System.Text;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Definitions.Administration;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Drafts of definitions and catalog documents (administrators only): <c>/api/definitions/drafts</c>.</summary>
internal static class DefinitionDraftsApi
{
    public const string Tag = "Definition administration";

    /// <summary>Maps the draft endpoints.</summary>
    public static IEndpointRouteBuilder MapDefinitionDraftsApi(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/definitions/drafts").WithTags(Tag).RequireAuthorization(AdministratorPolicy.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        drafts.MapGet("/", ListAsync)
            .WithName("ListDefinitionDrafts")
            .WithSummary("Every draft, the most recently saved first.");
        drafts.MapPost("/", CreateAsync)
            .WithName("CreateDefinitionDraft")
            .WithSummary("Starts a draft from a published version (basedOn: claim@2.0.0), a document in force (basedOn: calendars/cn-mainland.yaml) or text; answers it with its ETag and problems.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        drafts.MapGet("/{draftId}", GetAsync)
            .WithName("GetDefinitionDraft")
            .WithSummary("One draft with its text, ETag and every validation problem (rule, file, line, column).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        drafts.MapPut("/{draftId}", SaveAsync)
            .WithName("SaveDefinitionDraft")
            .WithSummary("Saves the draft's text (YAML or JSON body) over the revision If-Match names; answers the problems of the saved text.")
            .Accepts<string>("application/yaml", "text/yaml", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        drafts.MapDelete("/{draftId}", DiscardAsync)
            .WithName("DiscardDefinitionDraft")
            .WithSummary("Discards a draft (only at the revision If-Match names, when given).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        drafts.MapPost("/{draftId}/publish", DefinitionPublicationApi.PublishAsync)
            .WithName("PublishDefinitionDraft")
            .WithSummary("Publishes a draft with a reason: an immutable definition version (or the next revision of a document), in force from its effective date; refused with every problem when the draft has errors.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Ok<DraftSummary[]>> ListAsync(IDraftStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(DraftViews.Summary).ToArray());

    private static async Task<Results<Created<DraftView>, ProblemHttpResult>> CreateAsync(
        CreateDraftRequest? request, HttpContext http, DefinitionCatalog catalog, CatalogAdministration administration,
        IOptions<WorkflowDefinitionsOptions> options, CancellationToken cancellationToken)
    {
        if (catalog.Mode == CatalogMode.Folder)
        {
            return CatalogProblems.ReadOnly();
        }

        if (request is null)
        {
            return Problems.BadRequest("The body is missing; post { \"basedOn\": \"claim@2.0.0\" }, or { \"text\": \"…\" } (with \"path\" for a document).");
        }

        var start = DraftStart.Resolve(request, catalog.Catalog);
        if (start.Problem is { } problem)
        {
            return problem;
        }

        if (Encoding.UTF8.GetByteCount(start.Text!) > options.Value.MaxPostedDefinitionBytes)
        {
            return Problems.TooLarge(options.Value.MaxPostedDefinitionBytes);
        }

        var draft = await administration.CreateDraftAsync(start.Kind, start.Path, request.BasedOn, start.Format, start.Text!, Actor(http), cancellationToken);
        http.Response.Headers.ETag = DraftViews.ETag(draft.Revision);
        return TypedResults.Created($"/api/definitions/drafts/{draft.Id}", DraftViews.Of(draft, catalog));
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> GetAsync(
        string draftId, HttpContext http, IDraftStore store, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(draftId, cancellationToken) is not { } draft)
        {
            return NoDraft(draftId);
        }

        http.Response.Headers.ETag = DraftViews.ETag(draft.Revision);
        return TypedResults.Ok(DraftViews.Of(draft, catalog));
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> SaveAsync(
        string draftId, HttpContext http, DefinitionCatalog catalog, CatalogAdministration administration,
        IOptions<WorkflowDefinitionsOptions> options, CancellationToken cancellationToken)
    {
        if (catalog.Mode == CatalogMode.Folder)
        {
            return CatalogProblems.ReadOnly();
        }

        switch (DraftViews.IfMatch(http.Request))
        {
            case null:
                return CatalogProblems.IfMatchRequired();
            case < 0:
                return CatalogProblems.BadIfMatch();
            case { } expected:
                var (text, format, refused) = await PostedText.ReadAsync(http.Request, options.Value.MaxPostedDefinitionBytes, cancellationToken);
                if (refused is not null)
                {
                    return refused;
                }

                var (outcome, draft) = await administration.SaveDraftAsync(draftId, expected, format, text!, Actor(http), cancellationToken);
                switch (outcome)
                {
                    case DraftChange.NotFound:
                        return NoDraft(draftId);
                    case DraftChange.Stale:
                        http.Response.Headers.ETag = DraftViews.ETag(draft!.Revision);
                        return CatalogProblems.Stale(draft.Revision);
                    default:
                        http.Response.Headers.ETag = DraftViews.ETag(draft!.Revision);
                        return TypedResults.Ok(DraftViews.Of(draft, catalog));
                }
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(
        string draftId, HttpContext http, DefinitionCatalog catalog, CatalogAdministration administration, IDraftStore store, CancellationToken cancellationToken)
    {
        if (catalog.Mode == CatalogMode.Folder)
        {
            return CatalogProblems.ReadOnly();
        }

        var expected = DraftViews.IfMatch(http.Request);
        if (expected < 0)
        {
            return CatalogProblems.BadIfMatch();
        }

        return await administration.DiscardDraftAsync(draftId, expected, Actor(http), cancellationToken) switch
        {
            DraftChange.NotFound => NoDraft(draftId),
            DraftChange.Stale => CatalogProblems.Stale((await store.GetAsync(draftId, cancellationToken))?.Revision ?? 0),
            _ => TypedResults.NoContent(),
        };
    }

    internal static CatalogActor Actor(HttpContext http) => new(AdministratorPolicy.Actor(http), AdministratorPolicy.Role);

    internal static ProblemHttpResult NoDraft(string draftId) =>
        Problems.NotFound($"No draft '{draftId}' (it may have been published or discarded).");
}
