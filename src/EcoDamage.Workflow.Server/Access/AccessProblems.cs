using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>The problems of the case access checks: a case the caller may not read is not found (its existence is not revealed); one it reads but may not change is forbidden.</summary>
internal static class AccessProblems
{
    public const string ForbiddenType = "https://tools.ietf.org/html/rfc9110#section-15.5.4";

    /// <summary>404, worded like a missing case.</summary>
    public static ProblemHttpResult NotFound(string caseId) => Hosting.Problems.NotFound($"There is no case '{caseId}'.");

    /// <summary>403 naming what was refused.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: ForbiddenType);
}
