using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A flattened chain of <c>&amp;&amp;</c> or <c>||</c>; null operands count as false.</summary>
internal sealed class BoundLogical(bool isAnd, IReadOnlyList<BoundNode> operands, int start, int length)
    : BoundNode(start, length)
{
    public bool IsAnd { get; } = isAnd;

    public IReadOnlyList<BoundNode> Operands { get; } = operands;

    public override DataType Type => DataType.Boolean;

    public override bool IsConstant { get; } = operands.All(o => o.IsConstant);
}
