using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>x == null</c> or <c>x != null</c>.</summary>
internal sealed class BoundNullCheck(BoundNode operand, bool isNotNull, int start, int length) : BoundNode(start, length)
{
    public BoundNode Operand { get; } = operand;

    public bool IsNotNull { get; } = isNotNull;

    public override DataType Type => DataType.Boolean;

    public override bool IsConstant { get; } = operand.IsConstant;
}
