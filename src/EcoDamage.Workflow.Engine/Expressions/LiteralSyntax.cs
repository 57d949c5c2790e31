namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A literal: <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/>, <see cref="bool"/> or <c>null</c>.</summary>
internal sealed record LiteralSyntax(object? Value, int Start, int Length) : SyntaxNode(Start, Length);
