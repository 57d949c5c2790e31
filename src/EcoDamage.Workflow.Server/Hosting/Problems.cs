using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>The ProblemDetails the APIs return, each with an explicit RFC 9110 <c>type</c> and title.</summary>
internal static class Problems
{
    public const string NotFoundType = "https://tools.ietf.org/html/rfc9110#section-15.5.5";
    public const string BadRequestType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
    public const string TooLargeType = "https://tools.ietf.org/html/rfc9110#section-15.5.14";
    public const string UnsupportedMediaTypeType = "https://tools.ietf.org/html/rfc9110#section-15.5.16";

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found", type: NotFoundType);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", type: BadRequestType);

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(
            $"The body is larger than the {limit} bytes accepted.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Content Too Large",
            type: TooLargeType);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type", type: UnsupportedMediaTypeType);

    /// <summary>400 naming the query or route parameter in <c>errors</c>.</summary>
    public static ValidationProblem BadParameter(string parameter, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: $"Parameter '{parameter}': {message}",
            title: "One or more validation errors occurred.",
            type: BadRequestType);
}
