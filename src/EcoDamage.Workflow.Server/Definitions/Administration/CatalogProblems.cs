using EcoDamage.Workflow.Server.Apis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Definitions.Administration;

/// <summary>The ProblemDetails of catalog administration.</summary>
internal static class CatalogProblems
{
    private const string ConflictType = "https://tools.ietf.org/html/rfc9110#section-15.5.10";
    private const string PreconditionFailedType = "https://tools.ietf.org/html/rfc9110#section-15.5.13";
    private const string PreconditionRequiredType = "https://www.rfc-editor.org/rfc/rfc6585#section-3";
    private const string UnprocessableType = "https://tools.ietf.org/html/rfc9110#section-15.5.21";

    public static ProblemHttpResult ReadOnly() => Conflict(
        "The catalog is read-only: WorkflowDefinitions:Mode is Folder (definitions are managed as files); change them in the catalog folder and restart.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ConflictType);

    public static ProblemHttpResult Stale(int current) => TypedResults.Problem(
        $"The draft is at revision {current}, not the one If-Match names; read it again, then save.",
        statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed", type: PreconditionFailedType);

    public static ProblemHttpResult BadIfMatch() => Hosting.Problems.BadRequest("If-Match must be a draft's ETag, e.g. \"3\".");

    public static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        "Saving a draft needs If-Match with the ETag it was read at, so that a concurrent edit is never overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition Required", type: PreconditionRequiredType);

    public static ProblemHttpResult Invalid(IReadOnlyList<DraftProblem> problems) => TypedResults.Problem(
        new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The draft has errors",
            Type = UnprocessableType,
            Detail = $"{problems.Count(p => p.Severity == "error")} error(s): " +
                     string.Join("; ", problems.Where(p => p.Severity == "error").Select(p => $"{p.File}:{p.Line}:{p.Column} {p.Rule} {p.Message}")),
            Extensions = { ["problems"] = problems },
        });
}
