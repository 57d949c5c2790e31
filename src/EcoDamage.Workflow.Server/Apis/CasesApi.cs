using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Runtime.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Cases: read, list and filter; triggers, documents, participants and the audit trail are mapped by their own types.</summary>
internal static class CasesApi
{
    private const string Tag = "Cases";

    /// <summary>Maps <c>/api/cases</c>; every endpoint requires a caller.</summary>
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags(Tag).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        cases.MapGet("/", ListAsync).WithName("ListCases")
            .WithSummary("Lists cases by state, department, jurisdiction, channel, overdue or due within N days (paged).")
            .ProducesValidationProblem();
        cases.MapGet("/{id}", GetAsync).WithName("GetCase")
            .WithSummary("Reads a case: states, data, documents, open deadlines and the triggers the caller's role may fire.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        CaseTriggersApi.Map(cases);
        CaseDocumentsApi.Map(cases);
        CaseParticipantsApi.Map(cases);
        CaseAuditApi.Map(cases);
        return app;
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, CaseGate gate, CaseViews views, CancellationToken cancellationToken)
    {
        var check = await gate.ReadAsync(http, id, "case", cancellationToken);
        if (check.Case is not { } stored)
        {
            return check.Problem!;
        }

        var view = await views.OfAsync(stored, CallerActor.From(http.User).Role, cancellationToken);
        http.Response.Headers.ETag = CommandHeaders.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CaseListView>, ValidationProblem>> ListAsync(
        HttpContext http,
        CallerScopes scopes,
        ICaseQueries queries,
        DefinitionCatalog definitions,
        TimeProvider time,
        string[]? state,
        string? department,
        string? jurisdiction,
        string? channel,
        bool? overdue,
        int? dueWithinDays,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        if (Paging(page, pageSize) is { } bad)
        {
            return bad;
        }

        if (dueWithinDays is < 0 or > 3660)
        {
            return Problems.BadParameter("dueWithinDays", "must be between 0 and 3660");
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var filter = new CaseFilter(
            state ?? [], department, jurisdiction, channel,
            OverdueAt: overdue == true ? now : null,
            DueBy: dueWithinDays is { } days ? now.Plus(Duration.FromDays(days)) : null,
            DueFrom: dueWithinDays is null ? null : now,
            Page: page ?? 1,
            PageSize: pageSize ?? 20) { Scope = ReadScope(http, scopes) };
        return TypedResults.Ok(await ListViewAsync(queries, definitions.Catalog, filter, cancellationToken));
    }

    /// <summary>The cases the caller of <paramref name="http"/> reads (<see cref="Runtime.Access.AccessScope.Nothing"/> without a caller).</summary>
    internal static Runtime.Access.AccessScope ReadScope(HttpContext http, CallerScopes scopes) =>
        Caller.From(http.User) is { } caller ? scopes.ReadScope(caller) : Runtime.Access.AccessScope.Nothing;

    internal static ValidationProblem? Paging(int? page, int? pageSize) =>
        page is < 1 ? Problems.BadParameter("page", "must be 1 or more")
        : pageSize is < 1 or > CaseFilter.MaxPageSize ? Problems.BadParameter("pageSize", $"must be between 1 and {CaseFilter.MaxPageSize}")
        : null;

    internal static async Task<CaseListView> ListViewAsync(ICaseQueries queries, WorkflowCatalog catalog, CaseFilter filter, CancellationToken cancellationToken)
    {
        var result = await queries.ListAsync(filter, cancellationToken);
        return new CaseListView(result.Cases.Select(c => CaseViews.Summary(c.Case, catalog)).ToArray(), result.Total, result.Page, result.PageSize);
    }
}
