using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A named constant of the definition (a threshold, a count), written <c>param.NAME</c> in expressions.</summary>
/// <param name="Id">Name.</param>
/// <param name="Name">Label.</param>
/// <param name="Type">Data type.</param>
/// <param name="Value">Typed value (see <see cref="DataType"/> for runtime types).</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record ParameterDefinition(
    string Id,
    LocalizedText Name,
    DataType Type,
    object? Value,
    IReadOnlyList<Token> Implements,
    SourcePosition Position);
