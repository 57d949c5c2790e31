using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>The outcome of reading a scenario file.</summary>
/// <param name="Scenario">The scenario, when it had no errors.</param>
/// <param name="Problems">Every problem, with file:line:col.</param>
public sealed record ScenarioReadResult(Scenario? Scenario, IReadOnlyList<Problem> Problems);
