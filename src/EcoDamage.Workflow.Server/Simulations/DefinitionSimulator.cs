using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Simulation;
using EcoDamage.Workflow.Server.Apis;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Simulations;

/// <summary>
/// Simulation before publishing (issue 14): runs the posted scenario and the stored ones on a candidate definition
/// and on the published catalog, and answers both timelines and their differences. Shared by
/// <c>POST /api/definitions/simulations</c> (a posted candidate) and a draft's simulation (the draft's text as the
/// candidate): <c>DefinitionSimulator.SimulateAsync(definitions.Catalog, draft.Text, request, http, cancellationToken)</c>.
/// </summary>
internal static class DefinitionSimulator
{
    /// <summary>The file name problems of a posted candidate carry.</summary>
    public const string CandidateFile = "<posted definition>";

    /// <summary>The file name problems of a posted scenario carry.</summary>
    public const string ScenarioFile = "<posted scenario>";

    /// <summary>The name a posted scenario's result carries.</summary>
    public const string PostedName = "posted";

    /// <summary>The most stored scenarios one request may name.</summary>
    public const int MaxNamedScenarios = 100;

    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(5);

    /// <summary>At most half the cores simulate at once, so cases keep being served.</summary>
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>
    /// <see cref="Simulate"/> off the request thread, when one of the few simulation slots frees within 5 seconds
    /// (else 503 with <c>Retry-After</c>).
    /// </summary>
    public static async Task<Results<Ok<SimulationReport>, ValidationProblem, ProblemHttpResult>> SimulateAsync(
        WorkflowCatalog published, string? candidateText, SimulationRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!await Slots.WaitAsync(SlotWait, cancellationToken).ConfigureAwait(false))
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                "Other simulations are running; try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service Unavailable",
                type: "https://tools.ietf.org/html/rfc9110#section-15.6.4");
        }

        try
        {
            return await Task.Run(() => Simulate(published, candidateText, request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Slots.Release();
        }
    }

    /// <summary>
    /// Runs the simulation: 400 for a blank text, an unknown language or stored scenario name, an invalid candidate
    /// (every problem, as <c>POST /api/definitions/validate</c> lists them) or an unreadable posted scenario; else 200.
    /// </summary>
    /// <param name="published">The published catalog.</param>
    /// <param name="candidateText">The candidate definition, or null to run the published catalog alone.</param>
    /// <param name="request">Which scenarios, in which language (its <c>Definition</c> is not read here).</param>
    /// <param name="cancellationToken">Stops between scenarios.</param>
    public static Results<Ok<SimulationReport>, ValidationProblem, ProblemHttpResult> Simulate(
        WorkflowCatalog published, string? candidateText, SimulationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(candidateText, request) is { } refused)
        {
            return refused;
        }

        var stored = ScenarioSource.Stored(published);
        var sources = new List<ScenarioSource>();
        if (request.Scenario is { } posted)
        {
            var read = ScenarioReader.Read(posted, ScenarioFile);
            if (read.Scenario is null)
            {
                return Invalid("The scenario cannot be read", $"The posted scenario has {read.Problems.Count} problem(s); nothing was simulated.", read.Problems, ScenarioFile);
            }

            sources.Add(new ScenarioSource(PostedName, posted, ScenarioFile));
        }

        var names = request.Scenarios ?? (request.Scenario is null ? [.. stored.Select(s => s.Name)] : []);
        var unknown = names.Where(n => !stored.Any(s => s.Name == n)).ToList();
        if (unknown.Count > 0)
        {
            return Problems.BadParameter(
                "scenarios",
                $"no stored scenario named {string.Join(", ", unknown.Select(n => $"'{n}'"))}; stored: {string.Join(", ", stored.Select(s => s.Name))}");
        }

        sources.AddRange(names.Distinct(StringComparer.Ordinal).Select(n => stored.First(s => s.Name == n)));
        var language = request.Lang ?? "zh";
        SimulationComparer comparer;
        SimulatedDefinition? simulated = null;
        if (candidateText is null)
        {
            comparer = new SimulationComparer(null, published, language);
        }
        else
        {
            var built = published.WithCandidate(candidateText, CandidateFile);
            if (built.Catalog is not { } candidate)
            {
                return Invalid("The definition is not valid", $"The definition has {built.Problems.Count(p => p.Severity == Engine.Diagnostics.Severity.Error)} error(s); nothing was simulated.", built.Problems, CandidateFile);
            }

            var definition = candidate.Workflows.First(w => !published.Workflows.Any(p => ReferenceEquals(p, w))).Definition;
            simulated = new SimulatedDefinition(
                definition.Id,
                definition.Version.ToString(),
                [.. published.Workflows.Where(w => w.Definition.Id == definition.Id).Select(w => w.Definition.Version).Order().Select(v => v.ToString())]);
            comparer = new SimulationComparer(published, candidate, language);
        }

        var results = new List<ScenarioSimulation>(sources.Count);
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(SimulationViews.Comparison(comparer.Compare(source)));
        }

        return TypedResults.Ok(new SimulationReport(simulated, results));
    }

    private static ValidationProblem? Refusal(string? candidateText, SimulationRequest request)
    {
        if (candidateText is not null && string.IsNullOrWhiteSpace(candidateText))
        {
            return Problems.BadParameter("definition", "the definition is blank; post a YAML or JSON workflow definition, or leave it out to run the published catalog");
        }

        if (request.Scenario is { } scenario && string.IsNullOrWhiteSpace(scenario))
        {
            return Problems.BadParameter("scenario", "the scenario is blank; post a scenario's YAML, or leave it out");
        }

        if (request.Lang is { } lang && lang is not ("zh" or "en"))
        {
            return Problems.BadParameter("lang", $"'{lang}' is not a language; use zh or en");
        }

        if (request.Scenarios is { } names)
        {
            if (names.Count > MaxNamedScenarios)
            {
                return Problems.BadParameter("scenarios", $"at most {MaxNamedScenarios} scenarios may be named at once, not {names.Count}");
            }

            if (names.Any(string.IsNullOrWhiteSpace))
            {
                return Problems.BadParameter("scenarios", "a scenario name is null or blank");
            }
        }

        return null;
    }

    private static ProblemHttpResult Invalid(string title, string detail, IEnumerable<Engine.Diagnostics.Problem> problems, string file) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            type: Problems.BadRequestType,
            extensions: new Dictionary<string, object?> { ["problems"] = SimulationViews.Problems(problems, file) });
}
