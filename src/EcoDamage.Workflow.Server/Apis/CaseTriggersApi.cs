using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Fires triggers on a case (<c>/api/cases/{id}/triggers/{trigger}</c>) and answers any command with the case view, its ETag or the problem.</summary>
internal static class CaseTriggersApi
{
    /// <summary>Maps the endpoints on the <c>/api/cases</c> group.</summary>
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id}/triggers/{trigger}", FireAsync).WithName("FireTrigger")
            .WithSummary("Fires a trigger with its data (Idempotency-Key and If-Match honoured); a refusal says why.")
            .ProducesCommandProblems();

    private static Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> FireAsync(
        string id, string trigger, TriggerRequest? body, HttpContext http, CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        var data = DataJson.ToData(body?.Data, out var invalid);
        return invalid is not null
            ? Task.FromResult<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>>(
                Problems.BadParameter($"data.{invalid}", "must be a string, number, boolean or null, or a list of objects with such members"))
            : SendAsync(id, trigger, data, http, commands, views, cancellationToken, body?.Branch);
    }

    /// <summary>Fires <paramref name="trigger"/> as the caller and answers with the case view and its ETag, or the problem.</summary>
    internal static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> SendAsync(
        string id, string trigger, IReadOnlyDictionary<string, object?> data, HttpContext http, CaseCommands commands, CaseViews views, CancellationToken cancellationToken,
        string? branch = null)
    {
        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        if ((await http.RequestServices.GetRequiredService<CaseGate>().ActAsync(http, id, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        return await SendAsAsync(id, trigger, data, CallerActor.From(http), key, expected, http, commands, views, cancellationToken, branch);
    }

    /// <summary>Fires <paramref name="trigger"/> as <paramref name="actor"/> (also the inbound event hook's path).</summary>
    internal static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> SendAsAsync(
        string id, string trigger, IReadOnlyDictionary<string, object?> data, Actor actor, string? key, long? expected,
        HttpContext http, CaseCommands commands, CaseViews views, CancellationToken cancellationToken, string? branch = null)
    {
        var outcome = await commands.SendAsync(new FireTrigger(id, trigger, data, actor, key, expected) { Branch = branch }, id, trigger, cancellationToken);
        return await RespondAsync(outcome, trigger, actor, http, views, cancellationToken);
    }

    /// <summary>
    /// The case view (with its ETag) after an accepted outcome, built from the case and triggers the outcome carries
    /// (a replayed outcome carries neither: the case is read), or the outcome's problem.
    /// </summary>
    internal static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> RespondAsync(
        CommandOutcome outcome, string trigger, Actor actor, HttpContext http, CaseViews views, CancellationToken cancellationToken)
    {
        if (OutcomeProblems.For(outcome, trigger) is { } problem)
        {
            return problem;
        }

        var view = await views.AfterAsync(outcome, actor.Role, cancellationToken);
        http.Response.Headers.ETag = CommandHeaders.ETag(view.Version);
        return TypedResults.Ok(view);
    }
}
