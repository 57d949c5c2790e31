using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Runtime.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>
/// Clues (线索): register one (which starts a case on the catalog's clue-intake definition, see <see cref="ClueIntake"/>),
/// list and search them (the cases in its clue states), refer one to another department.
/// </summary>
internal static class CluesApi
{
    /// <summary>Maps <c>/api/clues</c>; every endpoint requires a caller.</summary>
    public static IEndpointRouteBuilder MapCluesApi(this IEndpointRouteBuilder app)
    {
        var clues = app.MapGroup("/api/clues").WithTags("Clues").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        clues.MapPost("/", RegisterAsync).WithName("RegisterClue")
            .WithSummary("Registers a clue (channel, domain, jurisdiction, description, source reference): starts a claim case.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        clues.MapGet("/", ListAsync).WithName("ListClues")
            .WithSummary("Lists cases still in clue screening or referred, searchable by channel, domain, jurisdiction and text.")
            .ProducesValidationProblem();
        clues.MapPost("/{id}/referral", ReferAsync).WithName("ReferClue")
            .WithSummary("Refers a clue to another department (fires Refer; the copy to the procuratorate goes to the outbox).")
            .ProducesCommandProblems();
        return app;
    }

    private static async Task<Results<Created<CaseView>, ProblemHttpResult, ValidationProblem>> RegisterAsync(
        ClueRequest body, HttpContext http, CaseGate gate, DefinitionCatalog definitions, CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        if (CommandHeaders.TryRead(http.Request, out var key, out _) is { } badHeader)
        {
            return badHeader;
        }

        if (gate.RegisterRefusal(Caller.From(http.User), body.Jurisdiction) is { } refused)
        {
            return refused;
        }

        return await RegisterAsAsync(body, CallerActor.From(http.User), key, http, definitions, commands, views, cancellationToken);
    }

    /// <summary>Registers <paramref name="body"/> as <paramref name="actor"/> (also the inbound clue hook's path).</summary>
    internal static async Task<Results<Created<CaseView>, ProblemHttpResult, ValidationProblem>> RegisterAsAsync(
        ClueRequest body, Actor actor, string? key, HttpContext http, DefinitionCatalog definitions, CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        if (body.CaseId is { } chosen && (chosen.Length is 0 or > 64 || !chosen.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return Problems.BadParameter("caseId", "1 to 64 letters, digits, '-' or '_'");
        }

        if (ClueIntake.Find(definitions.Catalog) is not { } intake)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No clue-intake workflow",
                detail: "no loaded definition declares 'intake:', so a clue cannot start a case");
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        Add("channel", body.Channel);
        Add("domain", body.Domain);
        Add("jurisdiction", body.Jurisdiction);
        Add("description", body.Description);
        Add("sourceReference", body.SourceReference);
        Add("informantName", body.InformantName);
        Add("informantContact", body.InformantContact);
        var outcome = await commands.SendAsync(new StartCase(intake.Id, null, data, actor, key, body.CaseId), body.CaseId, "start", cancellationToken);
        if (OutcomeProblems.For(outcome, "start") is { } problem)
        {
            return problem;
        }

        var view = await views.AfterAsync(outcome, actor.Role, cancellationToken);
        http.Response.Headers.ETag = CommandHeaders.ETag(view.Version);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(view.Id)}", view);

        void Add(string field, string? value)
        {
            if (value is not null)
            {
                data[field] = value;
            }
        }
    }

    private static async Task<Results<Ok<CaseListView>, ValidationProblem>> ListAsync(
        HttpContext http, CallerScopes scopes, ICaseQueries queries, DefinitionCatalog definitions, string? channel, string? domain, string? jurisdiction, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (CasesApi.Paging(page, pageSize) is { } bad)
        {
            return bad;
        }

        if (ClueIntake.ClueStates(definitions.Catalog) is not { Length: > 0 } clueStates)
        {
            return TypedResults.Ok(new CaseListView([], 0, page ?? 1, pageSize ?? 20));
        }

        var filter = new CaseFilter(clueStates, Jurisdiction: jurisdiction, Channel: channel, Domain: domain, Text: q, Page: page ?? 1, PageSize: pageSize ?? 20)
        {
            Scope = CasesApi.ReadScope(http, scopes),
        };
        return TypedResults.Ok(await CasesApi.ListViewAsync(queries, definitions.Catalog, filter, cancellationToken));
    }

    private static Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> ReferAsync(
        string id, ReferralRequest body, HttpContext http, CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["referredTo"] = body.ReferredTo, ["referralReason"] = body.ReferralReason };
        return CaseTriggersApi.SendAsync(id, "Refer", data, http, commands, views, cancellationToken);
    }
}
