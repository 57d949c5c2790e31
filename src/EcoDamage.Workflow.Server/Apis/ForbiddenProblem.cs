using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>The 403 ProblemDetails of a request the caller is known to make but may not: what is refused and why.</summary>
internal static class ForbiddenProblem
{
    /// <summary>The problem type of a 403.</summary>
    public const string Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4";

    /// <summary>A 403 with <paramref name="detail"/>.</summary>
    public static ProblemHttpResult For(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: Type);
}
