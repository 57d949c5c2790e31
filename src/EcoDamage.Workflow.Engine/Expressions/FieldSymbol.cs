using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A case data field that expressions may read.</summary>
/// <param name="Name">The field name, an identifier such as <c>estimatedDamage</c>.</param>
/// <param name="Type">The field's declared type.</param>
/// <param name="EnumValues">The declared values when <paramref name="Type"/> is <see cref="DataType.Enum"/>; otherwise <see langword="null"/>.</param>
public sealed record FieldSymbol(string Name, DataType Type, IReadOnlyList<string>? EnumValues = null);
