using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Turns the runtime's expected outcomes into ProblemDetails: 404, 409 (version, idempotency, state) or 422.</summary>
internal static class OutcomeProblems
{
    public const string ConflictType = "https://tools.ietf.org/html/rfc9110#section-15.5.10";
    public const string UnprocessableType = "https://tools.ietf.org/html/rfc9110#section-15.5.21";

    /// <summary>The problem for a non-accepted outcome, or null when the command was accepted.</summary>
    public static ProblemHttpResult? For(CommandOutcome outcome, string trigger) => outcome.Kind switch
    {
        OutcomeKind.Accepted => null,
        OutcomeKind.NotFound => Hosting.Problems.NotFound($"There is no case '{outcome.CaseId}'."),
        OutcomeKind.VersionConflict => TypedResults.Problem(
            $"Case '{outcome.CaseId}' is at version {outcome.Version}; re-read it and retry.",
            statusCode: StatusCodes.Status409Conflict, title: "Version Conflict", type: ConflictType,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = outcome.Version }),
        OutcomeKind.IdempotencyConflict => TypedResults.Problem(
            "The Idempotency-Key was used before for a different request.",
            statusCode: StatusCodes.Status409Conflict, title: "Idempotency Key Reused", type: ConflictType),
        _ => Refused(outcome.Refusals, trigger),
    };

    private static ProblemHttpResult Refused(IReadOnlyList<Refusal> refusals, string trigger)
    {
        var list = refusals.Select(r => new { kind = r.Kind.ToString(), message = r.Message, subject = r.Subject }).ToArray();
        var extensions = new Dictionary<string, object?> { ["refusals"] = list };
        var detail = string.Join("; ", refusals.Select(r => r.Message));
        if (refusals.Any(r => r.Kind == RefusalKind.UnknownTrigger))
        {
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown Trigger", type: Hosting.Problems.NotFoundType, extensions: extensions);
        }

        if (refusals.Any(r => r.Kind == RefusalKind.AttachNotAllowed))
        {
            return Access.AccessProblems.Forbidden(detail);
        }

        if (refusals.Any(r => r.Kind == RefusalKind.PeriodNotElapsed) && !refusals.Any(r => r.Kind is RefusalKind.NotPermittedInState or RefusalKind.CaseClosed))
        {
            // A statutory period that has not run (after:): the request is well-formed but too early, whoever sends it.
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: $"'{trigger}' must wait for a statutory period", type: UnprocessableType, extensions: extensions);
        }

        return refusals.Any(r => r.Kind is RefusalKind.NotPermittedInState or RefusalKind.CaseClosed or RefusalKind.LinkExists)
            ? TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: $"'{trigger}' is not possible in the case's state", type: ConflictType, extensions: extensions)
            : TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: $"'{trigger}' was refused", type: UnprocessableType, extensions: extensions);
    }
}
