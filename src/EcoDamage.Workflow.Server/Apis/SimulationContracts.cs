using System.Text.Json.Serialization;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>The body of <c>POST /api/definitions/simulations</c>.</summary>
/// <param name="Definition">A candidate definition (YAML or JSON text) to simulate in place of every version of its id; absent: the published catalog runs alone.</param>
/// <param name="Scenario">A scenario (YAML text) to run.</param>
/// <param name="Scenarios">Names of stored scenarios to run (<c>GET /api/definitions/scenarios</c>).</param>
/// <param name="Lang">Language of the names beside ids: <c>zh</c> (default) or <c>en</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SimulationRequest(string? Definition = null, string? Scenario = null, IReadOnlyList<string>? Scenarios = null, string? Lang = null);

/// <summary>What a simulation answers: one result per scenario run.</summary>
/// <param name="Candidate">The candidate definition simulated, or null when the published catalog ran alone.</param>
/// <param name="Results">The posted scenario first, then the stored ones in the order asked (by name when none was asked).</param>
internal sealed record SimulationReport(SimulatedDefinition? Candidate, IReadOnlyList<ScenarioSimulation> Results);

/// <summary>The candidate a simulation ran on.</summary>
/// <param name="Id">Definition id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Replaces">The published versions of that id it stood in for.</param>
internal sealed record SimulatedDefinition(string Id, string Version, IReadOnlyList<string> Replaces);

/// <summary>One scenario on the candidate and on the published version.</summary>
/// <param name="Scenario">The stored scenario's name, or <c>posted</c>.</param>
/// <param name="Title">The scenario's title, when it has one.</param>
/// <param name="Candidate">The run on the candidate (on the published catalog when no definition was posted).</param>
/// <param name="Published">The run on the published catalog, or null when no definition was posted.</param>
/// <param name="Differences">How the candidate's timeline differs from the published one, earliest first.</param>
internal sealed record ScenarioSimulation(
    string Scenario, LocalizedTitle? Title, SimulationRun Candidate, SimulationRun? Published, IReadOnlyList<SimulationDifference> Differences);

/// <summary>One run of a scenario.</summary>
/// <param name="Passed">True when the scenario was valid, ran to its end and every expectation held.</param>
/// <param name="FinalState">The case's state at the end, or null when it never started.</param>
/// <param name="Problems">Problems of the scenario itself (unknown trigger, state, role…), with line and column.</param>
/// <param name="Timeline">What happened, in order.</param>
internal sealed record SimulationRun(bool Passed, string? FinalState, IReadOnlyList<ValidationProblemItem> Problems, IReadOnlyList<SimulationEvent> Timeline);

/// <summary>One event of a simulated run.</summary>
/// <param name="At">When, in the workflow calendar's zone (Asia/Shanghai).</param>
/// <param name="Kind"><c>started</c>, <c>fired</c>, <c>refused</c>, <c>documentAttached</c>, <c>callStarted</c>, <c>deadlineOpened</c>, <c>deadlineClosed</c>, <c>reminder</c>, <c>overdue</c>, <c>escalated</c>, <c>action</c>, <c>clockAdvanced</c>, <c>expectationMet</c> or <c>expectationFailed</c>.</param>
/// <param name="Subject">The id it is about: trigger, document, deadline key (<c>definition/deadline#n</c>), role, definition; null for the clock and expectations.</param>
/// <param name="State">The case's states after it, root first, joined with <c> / </c>.</param>
/// <param name="StateName">The innermost state's name in the asked language.</param>
/// <param name="Details">What happened, with names beside ids.</param>
/// <param name="Due">The deadline's due instant, for deadline events.</param>
/// <param name="Line">The scenario line of the step that caused it.</param>
/// <param name="Failure">True when it made the run fail.</param>
internal sealed record SimulationEvent(
    DateTimeOffset At, string Kind, string? Subject, string State, string StateName, string Details, DateTimeOffset? Due, int? Line, bool Failure);

/// <summary>One difference between the published and the candidate timelines.</summary>
/// <param name="Change"><c>changed</c> (the same event at another instant, due instant or state), <c>onlyPublished</c> or <c>onlyCandidate</c>.</param>
/// <param name="Kind">The kind of event (as in <see cref="SimulationEvent.Kind"/>).</param>
/// <param name="Subject">The id it is about.</param>
/// <param name="Published">The event on the published version, or null.</param>
/// <param name="Candidate">The event on the candidate, or null.</param>
/// <param name="Text">In words, e.g. <c>deadline opened consultation/consultationPeriod#1: due 2026-07-07 00:00 → 2026-08-06 00:00</c>.</param>
internal sealed record SimulationDifference(string Change, string Kind, string? Subject, SimulationEvent? Published, SimulationEvent? Candidate, string Text);

/// <summary>The stored scenarios: <c>GET /api/definitions/scenarios</c>.</summary>
/// <param name="Scenarios">By name.</param>
internal sealed record StoredScenarioList(IReadOnlyList<StoredScenario> Scenarios);

/// <summary>One stored scenario.</summary>
/// <param name="Name">What <c>scenarios</c> of a simulation names it by.</param>
/// <param name="Path">Its file in the catalog (<c>scenarios/….scenario.yaml</c>).</param>
/// <param name="Title">Its title, or null when it has none or cannot be read.</param>
/// <param name="Workflow">The workflow it starts, or null when it cannot be read.</param>
internal sealed record StoredScenario(string Name, string Path, LocalizedTitle? Title, string? Workflow);
