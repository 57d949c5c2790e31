using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A literal or a parameter value, in its runtime representation.</summary>
internal sealed class BoundConstant(object? value, DataType type, int start, int length, EnumDomain? domain = null)
    : BoundNode(start, length)
{
    public object? Value { get; } = value;

    public override DataType Type { get; } = type;

    public override bool IsConstant => true;

    public override EnumDomain? Enum { get; } = domain;
}
