using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// A state that runs another definition as a sub-process (consultation, repair). While the parent
/// is in the calling state the child receives the triggers it knows; when the child reaches a
/// terminal state the engine fires the parent trigger mapped to it.
/// </summary>
/// <param name="Workflow">The called definition id.</param>
/// <param name="Version">An exact version to pin, or null for the newest in force when the call starts.</param>
/// <param name="Outcomes">Child terminal state → parent trigger.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record CallDefinition(
    Token Workflow,
    Token? Version,
    IReadOnlyList<CallOutcome> Outcomes,
    SourcePosition Position)
{
    /// <summary>A collection id: the call runs once per item of it (a multi-instance call); null: one plain call.</summary>
    public Token? ForEach { get; init; }
}

/// <summary>One mapping of a <see cref="CallDefinition"/>.</summary>
/// <param name="ChildState">A terminal state of the called definition.</param>
/// <param name="ParentTrigger">The trigger fired in the parent when the child ends there.</param>
public sealed record CallOutcome(Token ChildState, Token ParentTrigger)
{
    /// <summary>For a multi-instance call: whether every branch (<c>all</c>) or any branch (<c>any</c>) must end in <see cref="ChildState"/>; null when not written (<c>all</c>).</summary>
    public Instances.OutcomeRule? When { get; init; }

    /// <summary>Where <c>when</c> is written.</summary>
    public SourcePosition? WhenPosition { get; init; }
}
