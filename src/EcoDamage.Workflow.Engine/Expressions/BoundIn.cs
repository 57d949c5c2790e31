using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>
/// <c>x in [...]</c> / <c>x not in [...]</c> against constant values already converted to <see cref="Domain"/>
/// (a <c>long[]</c>, <c>decimal[]</c>, <c>string[]</c>, <c>LocalDate[]</c> or <c>bool[]</c>); false when x is null.
/// </summary>
internal sealed class BoundIn(BoundNode operand, ComparisonDomain domain, Array values, bool negated, int start, int length)
    : BoundNode(start, length)
{
    public BoundNode Operand { get; } = operand;

    public ComparisonDomain Domain { get; } = domain;

    public Array Values { get; } = values;

    public bool Negated { get; } = negated;

    public override DataType Type => DataType.Boolean;

    public override bool IsConstant { get; } = operand.IsConstant;
}
