using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A declared side effect: <c>notify: procuratorate</c>, <c>publish: ClueReferred</c>, ….</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Target">The role (or, for <see cref="ActionKind.Publish"/>, the event name).</param>
/// <param name="Note">Optional message.</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record ActionDefinition(
    ActionKind Kind,
    Token Target,
    LocalizedText? Note,
    IReadOnlyList<Token> Implements,
    SourcePosition Position)
{
    /// <summary>For <see cref="ActionKind.Publish"/>, the event name when it is not the derived one (see <see cref="EventNaming.Published"/>).</summary>
    public Token? Event { get; init; }
}
