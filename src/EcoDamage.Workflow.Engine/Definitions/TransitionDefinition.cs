using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// What a trigger does in a state. Several transitions for one trigger are alternatives tried in
/// order; the first whose guard holds is taken. No <see cref="Target"/> means an internal
/// transition: the case stays in its state (no exit, no entry) and only assignments and actions run.
/// </summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="Target">Target state, or null for an internal transition.</param>
/// <param name="Guard">Condition over case data, or null.</param>
/// <param name="Set">Assignments.</param>
/// <param name="Requires">Extra requirements for this transition only.</param>
/// <param name="Actions">Side effects.</param>
/// <param name="Deadlines">Deadlines opened when the transition is taken; they close when the target state
/// (for an internal transition, the state itself) is left. Taking it again restarts them.</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record TransitionDefinition(
    Token Trigger,
    Token? Target,
    ExpressionSource? Guard,
    IReadOnlyList<Assignment> Set,
    Requirements Requires,
    IReadOnlyList<ActionDefinition> Actions,
    IReadOnlyList<DeadlineDefinition> Deadlines,
    IReadOnlyList<Token> Implements,
    SourcePosition Position)
{
    /// <summary>Statutory periods (deadline ids, <c>after:</c>) that must have run before this transition may be taken.</summary>
    /// <value>Empty: no period holds the transition back.</value>
    public IReadOnlyList<Token> After { get; init; } = [];
}
