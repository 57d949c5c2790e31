using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A definition parameter, read as <c>param.NAME</c>; its value is a constant folded in at compile time.</summary>
/// <param name="Name">The parameter name without the <c>param.</c> prefix.</param>
/// <param name="Type">The parameter's declared type.</param>
/// <param name="Value">The value in its runtime representation (see <see cref="DataType"/>), or <see langword="null"/>.
/// <see cref="int"/> is accepted for Integer, Money and Decimal, and <see cref="long"/> for Money and Decimal.</param>
/// <param name="EnumValues">The declared values when <paramref name="Type"/> is <see cref="DataType.Enum"/>; otherwise <see langword="null"/>.</param>
public sealed record ParameterSymbol(string Name, DataType Type, object? Value, IReadOnlyList<string>? EnumValues = null);
