using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Stands for a sub-expression that already has an error, so that no further error cascades from it.</summary>
internal sealed class BoundError(int start, int length) : BoundNode(start, length)
{
    public override DataType Type => throw new InvalidOperationException("An erroneous node has no type.");
}
