namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>An identifier naming a case data field.</summary>
internal sealed record FieldSyntax(string Name, int Start, int Length) : SyntaxNode(Start, Length);
