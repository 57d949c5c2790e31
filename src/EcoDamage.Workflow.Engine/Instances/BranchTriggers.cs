using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>The triggers one running branch of a multi-instance call handles (see <see cref="Execution.WorkflowEngine.PermittedInBranches"/>).</summary>
/// <param name="Branch">Branch key (<c>phases/2</c>).</param>
/// <param name="States">The branch's current states, outermost first.</param>
/// <param name="Triggers">Triggers its current states handle that the role may fire, innermost frame first.</param>
public sealed record BranchTriggers(string Branch, IReadOnlyList<string> States, IReadOnlyList<TriggerDefinition> Triggers);
