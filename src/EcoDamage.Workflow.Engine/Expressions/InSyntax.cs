namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>x in [a, b]</c> or <c>x not in [a, b]</c>; the operator span covers <c>not in</c>.</summary>
internal sealed record InSyntax(
    SyntaxNode Operand, bool Negated, int OperatorStart, int OperatorLength, IReadOnlyList<SyntaxNode> Items, int ListEnd)
    : SyntaxNode(Operand.Start, ListEnd - Operand.Start);
