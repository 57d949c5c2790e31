using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// Declares the definition the clue-intake workflow (<c>intake:</c>): registering a clue starts a case on it,
/// and a case is still a clue while it is in one of <see cref="ClueStates"/>.
/// </summary>
/// <param name="ClueStates">States in which a case is listed as a clue.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record IntakeDefinition(IReadOnlyList<Token> ClueStates, SourcePosition Position);
