using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>!x</c> (null stays null) or <c>-x</c>.</summary>
internal sealed class BoundUnary(UnaryOperator op, BoundNode operand, int start, int length) : BoundNode(start, length)
{
    public UnaryOperator Operator { get; } = op;

    public BoundNode Operand { get; } = operand;

    public override DataType Type => Operator == UnaryOperator.Not ? DataType.Boolean : Operand.Type;

    public override bool IsConstant { get; } = operand.IsConstant;
}
