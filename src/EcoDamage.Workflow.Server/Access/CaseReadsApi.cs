using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>The read log of a case (<c>/api/cases/{id}/reads</c>): who read it, when and what; for the read-only oversight roles.</summary>
internal static class CaseReadsApi
{
    /// <summary>Maps <c>GET /api/cases/{id}/reads</c>.</summary>
    public static IEndpointRouteBuilder MapCaseReadsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{id}/reads", ListAsync).WithName("ListCaseReads").WithTags("Cases").RequireAuthorization()
            .WithSummary("Lists who read a case, when and what, newest first (the auditor and the administrator only).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<CaseReadView[]>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string id, int? limit, HttpContext http, CallerScopes scopes, ICaseStore cases, ICaseReadStore reads, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > ICaseReadStore.MaxList)
        {
            return Problems.BadParameter("limit", $"must be between 1 and {ICaseReadStore.MaxList}");
        }

        // The read log is oversight: only the read-only roles (auditor, administrator) see it, for any case.
        if (Caller.From(http.User) is not { } caller || !scopes.AccessOf(caller).ReadOnly)
        {
            return AccessProblems.Forbidden("Only the auditor and the administrator read a case's read log.");
        }

        if (await cases.LoadAsync(id, cancellationToken) is null)
        {
            return AccessProblems.NotFound(id);
        }

        var list = await reads.ListAsync(id, limit ?? 100, cancellationToken);
        return TypedResults.Ok(list.Select(r => new CaseReadView(r.Subject, r.Role, r.Department, r.What, r.At.ToDateTimeOffset())).ToArray());
    }
}
