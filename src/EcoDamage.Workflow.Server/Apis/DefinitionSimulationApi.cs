using System.Text.Json;
using EcoDamage.Workflow.Engine.Simulation;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Server.Simulations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Simulation before publishing: <c>POST /api/definitions/simulations</c> and the stored scenarios, <c>GET /api/definitions/scenarios</c>.</summary>
internal static class DefinitionSimulationApi
{
    private const string Json = "application/json";

    /// <summary>Maps the simulation endpoints.</summary>
    public static IEndpointRouteBuilder MapDefinitionSimulationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/definitions").WithTags("Definitions");
        api.MapGet("/scenarios", ListScenarios)
            .WithName("ListStoredScenarios")
            .WithSummary("The stored scenarios of the catalog (workflows/scenarios), by name, with their titles and the workflow each starts.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        // Simulation is CPU-bound: only an administrator may run one, and only a few run at once.
        api.MapPost("/simulations", Simulate)
            .RequireAuthorization(AdministratorPolicy.Policy)
            .WithName("SimulateDefinition")
            .WithSummary("Runs a posted scenario and/or stored scenarios on a posted candidate definition and on the published catalog, on a virtual clock, and answers both timelines and their differences (administrator only).")
            .Accepts<SimulationRequest>(Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static Ok<StoredScenarioList> ListScenarios(DefinitionCatalog definitions)
    {
        var items = ScenarioSource.Stored(definitions.Catalog)
            .Select(s => (Source: s, Read: ScenarioReader.Read(s.Text, s.Path).Scenario))
            .Select(x => new StoredScenario(
                x.Source.Name,
                x.Source.Path,
                x.Read?.Title is { } t ? new LocalizedTitle(t.Zh, t.En) : null,
                x.Read?.Workflow.Text))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new StoredScenarioList(items));
    }

    internal static async Task<Results<Ok<SimulationReport>, ValidationProblem, ProblemHttpResult>> Simulate(
        HttpContext http,
        DefinitionCatalog definitions,
        IOptions<WorkflowDefinitionsOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        var mediaType = request.GetTypedHeaders().ContentType?.MediaType.Value;
        if (!string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType($"Content-Type '{request.ContentType}' is not accepted; post the simulation as {Json}.");
        }

        var limit = options.Value.MaxPostedDefinitionBytes;
        if (request.ContentLength > limit)
        {
            return Problems.TooLarge(limit);
        }

        var body = await PostedText.ReadAtMostAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.TooLarge(limit);
        }

        if (body.Length == 0)
        {
            return Problems.BadRequest("The body is empty; post a JSON object such as {} (every stored scenario on the published catalog).");
        }

        SimulationRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<SimulationRequest>(body, json.Value.SerializerOptions);
        }
        catch (JsonException ex)
        {
            return Problems.BadParameter(ex.Path ?? "$", "the body is not a simulation request: a JSON object with definition (text), scenario (text), scenarios (names) and lang (zh or en), each optional");
        }

        if (parsed is null)
        {
            return Problems.BadRequest("The body is null; post a JSON object such as {}.");
        }

        return await DefinitionSimulator.SimulateAsync(definitions.Catalog, parsed.Definition, parsed, http, cancellationToken).ConfigureAwait(false);
    }
}
