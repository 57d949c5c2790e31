using System.Text.Json;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Inbound;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>
/// Inbound hooks (入站回调): embedding systems post clues and case events signed by the Standard Webhooks
/// convention with their configured secret, instead of an API key. The <c>webhook-id</c> (or an
/// <c>Idempotency-Key</c>) makes a retried post change nothing and return the first result.
/// </summary>
internal static class InboundHooksApi
{
    private const string Signing =
        "Signed by the Standard Webhooks convention with one of the system's secrets (Hooks:Inbound:Systems:{system}:Secret or :Secrets, or a managed one "
        + "of /api/admin/hook-secrets/{system}): headers webhook-id, webhook-timestamp (Unix seconds, within the tolerance of the host's clock) and "
        + "webhook-signature (v1,<base64 HMAC-SHA256 of '{id}.{timestamp}.{METHOD} {path-and-query}\\n{Idempotency-Key}\\n{body}'>): the signature "
        + "covers the method, the path and query, the Idempotency-Key header (empty when absent) and the body. A message (webhook-id and timestamp) "
        + "is accepted once: a second delivery is refused with 409. The webhook-id, or an Idempotency-Key header, is the idempotency key: "
        + "a retry signed again with a new timestamp returns the first result.";

    /// <summary>Maps <c>/api/hooks/{system}</c>; the signature authenticates, so no API key or token is asked for.</summary>
    public static IEndpointRouteBuilder MapInboundHooksApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/hooks/{system}").WithTags("Inbound hooks").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        hooks.MapPost("/clues", PostClueAsync).WithName("PostClueHook")
            .WithSummary("A system posts a clue (any of the ten channels), signed with its secret: starts a claim case as the system's role.")
            .WithDescription(Signing)
            .Accepts<ClueRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        hooks.MapPost("/cases/{caseId}/events/{trigger}", PostEventAsync).WithName("PostCaseEventHook")
            .WithSummary("A system posts an event on a case (e.g. the court's confirmation ruling, finance's payment), signed with its secret: fires the trigger as the system's role.")
            .WithDescription(Signing + " If-Match is honoured as on the triggers endpoint.")
            .Accepts<TriggerRequest>("application/json")
            .ProducesCommandProblems();
        return app;
    }

    private static async Task<Results<Created<CaseView>, ProblemHttpResult, ValidationProblem>> PostClueAsync(
        string system, HttpContext http, InboundHookReader reader, IOptions<JsonOptions> json, DefinitionCatalog definitions, CaseGate gate,
        CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        var (hook, problem) = await reader.ReadAsync(system, http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out _) is { } badHeader)
        {
            return badHeader;
        }

        if (Parse<ClueRequest>(hook!.Body, json.Value.SerializerOptions, out var body) is { } invalid)
        {
            return invalid;
        }

        // The system registers in the jurisdictions it acts for, like any caller (R4).
        var clue = body ?? new ClueRequest(null, null, null);
        if (gate.RegisterRefusal(hook.Caller, clue.Jurisdiction) is { } refused)
        {
            return refused;
        }

        return await CluesApi.RegisterAsAsync(clue, hook.Actor, hook.IdempotencyKey(key), http, definitions, commands, views, cancellationToken);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> PostEventAsync(
        string system, string caseId, string trigger, HttpContext http, InboundHookReader reader, IOptions<JsonOptions> json,
        CaseGate gate, CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        var (hook, problem) = await reader.ReadAsync(system, http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        if (Parse<TriggerRequest>(hook!.Body, json.Value.SerializerOptions, out var body) is { } invalid)
        {
            return invalid;
        }

        var data = DataJson.ToData(body?.Data, out var invalidField);
        if (invalidField is not null)
        {
            return Problems.BadParameter($"data.{invalidField}", "must be a string, number, boolean or null, or a list of objects with such members");
        }

        // The system changes only the cases it may act on (404 for one it does not read, 403 for one it only reads).
        if ((await gate.ActAsync(hook.Caller, caseId, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        return await CaseTriggersApi.SendAsAsync(caseId, trigger, data, hook.Actor, hook.IdempotencyKey(key), expected, http, commands, views, cancellationToken);
    }

    // An empty body is no payload (null); malformed JSON, a wrong type or an unknown member is a 400 naming where.
    private static ValidationProblem? Parse<T>(byte[] body, JsonSerializerOptions options, out T? value)
        where T : class
    {
        value = null;
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(body, options);
            return null;
        }
        catch (JsonException error)
        {
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [error.Message] },
                detail: $"The body does not fit at '{field}': {error.Message}",
                title: "One or more validation errors occurred.",
                type: Problems.BadRequestType);
        }
    }
}
