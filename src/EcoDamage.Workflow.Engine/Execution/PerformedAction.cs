using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A side effect the runtime must perform after a change commits.</summary>
/// <param name="Kind">Notify, copy, share status, publish or escalate.</param>
/// <param name="Target">Role, or event name for <see cref="ActionKind.Publish"/>.</param>
/// <param name="Source">Where it was declared (<c>state:X:onEntry</c>, <c>transition:X/T</c>, <c>deadline:D</c>).</param>
/// <param name="Note">Message or legal basis.</param>
public sealed record PerformedAction(ActionKind Kind, string Target, string Source, LocalizedText? Note = null);
