using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A comparison of two values brought to <see cref="Domain"/>; false when either is null.</summary>
internal sealed class BoundComparison(
    ComparisonOperator op, ComparisonDomain domain, BoundNode left, BoundNode right, int start, int length)
    : BoundNode(start, length)
{
    public ComparisonOperator Operator { get; } = op;

    public ComparisonDomain Domain { get; } = domain;

    public BoundNode Left { get; } = left;

    public BoundNode Right { get; } = right;

    public override DataType Type => DataType.Boolean;

    public override bool IsConstant { get; } = left.IsConstant && right.IsConstant;
}
