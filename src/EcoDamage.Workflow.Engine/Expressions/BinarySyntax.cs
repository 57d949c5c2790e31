namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A binary operation: logical, comparison or arithmetic.</summary>
internal sealed record BinarySyntax(Token Operator, SyntaxNode Left, SyntaxNode Right)
    : SyntaxNode(Left.Start, Right.End - Left.Start);
