using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>What happens when a deadline passes: escalate to a role, auto-fire a trigger, or both.</summary>
/// <param name="Escalate">Role the case is escalated to (e.g. the procuratorate, R9).</param>
/// <param name="Fire">Trigger fired by the engine (role <c>system</c>), e.g. "consultation deemed failed".</param>
/// <param name="Basis">The legal basis recorded with the escalation.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record OverdueDefinition(Token? Escalate, Token? Fire, LocalizedText? Basis, SourcePosition Position);
