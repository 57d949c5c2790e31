using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>One trigger's transition (or one alternative of it) in the older and the newer version.</summary>
/// <param name="Trigger">The trigger id.</param>
/// <param name="Alternative">Its number among the trigger's alternatives, or null when there is one.</param>
/// <param name="Segment">The path segment under the state.</param>
/// <param name="Before">The older transition, or null when added.</param>
/// <param name="After">The newer transition, or null when removed.</param>
internal sealed record TransitionPair(string Trigger, int? Alternative, string Segment, TransitionDefinition? Before, TransitionDefinition? After);
