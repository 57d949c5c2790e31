namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>!x</c>, <c>not x</c> or <c>-x</c>.</summary>
internal sealed record UnarySyntax(Token Operator, SyntaxNode Operand)
    : SyntaxNode(Operator.Start, Operand.End - Operator.Start);
