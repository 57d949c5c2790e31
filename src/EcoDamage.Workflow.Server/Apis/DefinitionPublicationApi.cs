using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Definitions.Administration;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Extensions;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Publication and withdrawal (administrators only); the new catalog is in force on this node when the call answers.</summary>
internal static class DefinitionPublicationApi
{
    private const int MaxReason = 2000;

    /// <summary>Maps <c>POST /api/definitions/{id}/versions/{version}/withdraw</c> (publish is mapped with the drafts).</summary>
    public static IEndpointRouteBuilder MapDefinitionPublicationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/definitions/{id}/versions/{version}/withdraw", WithdrawAsync)
            .WithTags(DefinitionDraftsApi.Tag)
            .RequireAuthorization(AdministratorPolicy.Policy)
            .WithName("WithdrawDefinitionVersion")
            .WithSummary("Withdraws a published version no case has started on (with a reason): no new case starts on it.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPut("/api/definitions/{id}/versions/{version}", Immutable)
            .WithTags(DefinitionDraftsApi.Tag)
            .RequireAuthorization(AdministratorPolicy.Policy)
            .WithName("EditDefinitionVersion")
            .WithSummary("Always refused: a published version never changes. Start a draft from it (basedOn) and publish a higher version.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static ProblemHttpResult Immutable(string id, string version, DefinitionCatalog catalog) =>
        Engine.Definitions.SemanticVersion.TryParse(version, out var parsed) && catalog.Catalog.Find(id, parsed) is not null
            ? CatalogProblems.Conflict(
                $"'{id}@{version}' is published and immutable: create a draft with basedOn '{id}@{version}', change it, number it higher and publish it.")
            : Problems.NotFound($"No published definition '{id}' version {version}.");

    internal static async Task<Results<Created<PublicationView>, ProblemHttpResult>> PublishAsync(
        string draftId, ReasonRequest? request, HttpContext http, DefinitionCatalog catalog, CatalogLoader loader,
        IDraftStore drafts, CatalogAdministration administration, CalendarPublicationHook calendarHook, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (catalog.Mode == CatalogMode.Folder)
        {
            return CatalogProblems.ReadOnly();
        }

        if (Reason(request) is { } refused)
        {
            return refused;
        }

        var expected = DraftViews.IfMatch(http.Request);
        if (expected < 0)
        {
            return CatalogProblems.BadIfMatch();
        }

        if (await drafts.GetAsync(draftId, cancellationToken) is not { } draft)
        {
            return DefinitionDraftsApi.NoDraft(draftId);
        }

        if (expected is { } revision && revision != draft.Revision)
        {
            return CatalogProblems.Stale(draft.Revision);
        }

        var actor = DefinitionDraftsApi.Actor(http);
        var result = await administration.PublishAsync(catalog.Catalog, draft, request!.Reason!.Trim(), actor, cancellationToken);
        if (result.Invalid)
        {
            // A draft whose only error is an existing version would change a published one: a conflict, not a bad draft.
            var errors = result.Problems.Where(p => p.Severity == Engine.Diagnostics.Severity.Error).ToList();
            return errors.All(p => p.RuleId == "WF051")
                ? CatalogProblems.Conflict($"{errors[0].Message}. Published versions are immutable.")
                : CatalogProblems.Invalid(DraftViews.Problems(result.Problems));
        }

        switch (result.Outcome)
        {
            case PublishOutcome.DraftNotFound:
                return CatalogProblems.Conflict($"Draft '{draftId}' was published or discarded by a concurrent request.");
            case PublishOutcome.DraftChanged:
                return CatalogProblems.Stale((await drafts.GetAsync(draftId, cancellationToken))?.Revision ?? draft.Revision);
            case PublishOutcome.AlreadyPublished:
                return CatalogProblems.Conflict("That version (or document revision) was published by a concurrent request; number the draft higher.");
        }

        await loader.ReloadAsync(cancellationToken);
        if (draft.Kind == DraftKind.Document && DocumentPaths.IsCalendar(draft.Path!))
        {
            calendarHook.Published(actor);
        }

        var now = time.GetUtcNow();
        var location = draft.Kind == DraftKind.Definition
            ? $"/api/definitions/{result.Subject!.Replace("@", "/versions/", StringComparison.Ordinal)}"
            : $"/api/catalog/documents/{draft.Path}";
        return TypedResults.Created(location, new PublicationView(
            result.Subject!, actor.Subject, now, request.Reason!.Trim(), DraftViews.Problems(result.Problems)));
    }

    private static async Task<Results<Ok<PublicationView>, ProblemHttpResult>> WithdrawAsync(
        string id, string version, ReasonRequest? request, HttpContext http, DefinitionCatalog catalog, CatalogLoader loader,
        CatalogAdministration administration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (catalog.Mode == CatalogMode.Folder)
        {
            return CatalogProblems.ReadOnly();
        }

        if (Reason(request) is { } refused)
        {
            return refused;
        }

        var actor = DefinitionDraftsApi.Actor(http);
        switch (await administration.WithdrawAsync(id, version, request!.Reason!.Trim(), actor, cancellationToken))
        {
            case WithdrawOutcome.NotFound:
                return Problems.NotFound($"No published definition '{id}' version {version}.");
            case WithdrawOutcome.AlreadyWithdrawn:
                return CatalogProblems.Conflict($"'{id}@{version}' was withdrawn before.");
            case WithdrawOutcome.InUse:
                return CatalogProblems.Conflict($"A case has started on '{id}@{version}': it stays published (migrate the cases first, then withdraw).");
        }

        await loader.ReloadAsync(cancellationToken);
        return TypedResults.Ok(new PublicationView($"{id}@{version}", actor.Subject, time.GetUtcNow(), request.Reason!.Trim(), []));
    }

    private static ProblemHttpResult? Reason(ReasonRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Reason)
            ? Problems.BadRequest("Give the reason (\"reason\": the regulation or decision behind the change); it is recorded in the administration trail.")
            : request.Reason.Length > MaxReason
                ? Problems.BadRequest($"The reason is longer than {MaxReason} characters.")
                : null;
}
