using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A call of <c>days</c>, <c>min</c>, <c>max</c>, <c>abs</c> or <c>len</c>; null arguments give null.</summary>
internal sealed class BoundCall(BuiltinFunction function, IReadOnlyList<BoundNode> arguments, DataType type, int start, int length)
    : BoundNode(start, length)
{
    public BuiltinFunction Function { get; } = function;

    public IReadOnlyList<BoundNode> Arguments { get; } = arguments;

    public override DataType Type { get; } = type;

    public override bool IsConstant { get; } = arguments.All(a => a.IsConstant);
}
