using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// Who may start a case on the definition and with what data (for the claim: registering a clue,
/// tagged with its channel and damage domain). A definition without it accepts any non-derived
/// field from any role (sub-processes are started by the engine).
/// </summary>
/// <param name="Roles">Roles allowed to start a case.</param>
/// <param name="Inputs">Fields the start may carry.</param>
/// <param name="Requires">Fields that must be given.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record StartDefinition(IReadOnlyList<Token> Roles, IReadOnlyList<Token> Inputs, Requirements Requires, SourcePosition Position)
{
    /// <summary>The event a start is (<c>event:</c>, e.g. <c>clue.registered</c>); null: <see cref="EventNaming.Started"/>.</summary>
    public Token? Event { get; init; }
}
