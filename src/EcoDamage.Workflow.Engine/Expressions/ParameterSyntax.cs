namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>param.NAME</c>; the span covers the whole reference.</summary>
internal sealed record ParameterSyntax(string Name, int Start, int Length) : SyntaxNode(Start, Length);
