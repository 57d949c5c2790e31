namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>The problems every command endpoint documents, declared once.</summary>
internal static class CommandEndpointExtensions
{
    /// <summary>
    /// A command's answers beside success: 400 (malformed body or headers), 403 (a case the caller reads but may not
    /// change), 404 (no such case, or one the caller may not read), 409 (version or idempotency conflict, a state that
    /// does not permit it) and 422 (refused by the engine).
    /// </summary>
    /// <param name="builder">The endpoint.</param>
    /// <returns>The same endpoint.</returns>
    public static RouteHandlerBuilder ProducesCommandProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
