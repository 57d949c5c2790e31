namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>One thing wrong with a <see cref="MigrationPlan"/>.</summary>
/// <param name="Code">Stable code (<see cref="MigrationPlanProblemCodes"/>).</param>
/// <param name="Where">Where in the plan (<c>stateMap.Referred</c>, <c>deadlineOverrides.preliminaryCheck</c>, <c>to</c>).</param>
/// <param name="Message">What is wrong, naming the state, deadline or version.</param>
public sealed record MigrationPlanProblem(string Code, string Where, string Message);
