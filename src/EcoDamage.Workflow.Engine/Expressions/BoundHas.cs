using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>has(field)</c>: whether the field has a non-null value.</summary>
internal sealed class BoundHas(string field, int start, int length) : BoundNode(start, length)
{
    public string Field { get; } = field;

    public override DataType Type => DataType.Boolean;
}
