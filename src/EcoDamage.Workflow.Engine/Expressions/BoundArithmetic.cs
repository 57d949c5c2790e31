using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>+ - * /</c> on numbers; <see cref="Type"/> is the promoted result type.</summary>
internal sealed class BoundArithmetic(ArithmeticOperator op, BoundNode left, BoundNode right, DataType type, int start, int length)
    : BoundNode(start, length)
{
    public ArithmeticOperator Operator { get; } = op;

    public BoundNode Left { get; } = left;

    public BoundNode Right { get; } = right;

    public override DataType Type { get; } = type;

    public override bool IsConstant { get; } = left.IsConstant && right.IsConstant;
}
