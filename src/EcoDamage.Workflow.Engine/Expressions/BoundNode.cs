using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A node of the type-checked tree, with its span in the text.</summary>
internal abstract class BoundNode(int start, int length)
{
    public int Start { get; } = start;

    public int Length { get; } = length;

    public abstract DataType Type { get; }

    /// <summary>True when the value does not depend on the context, so it can be computed once at compile time.</summary>
    public virtual bool IsConstant => false;

    /// <summary>The declared values when the node is an enum field or parameter.</summary>
    public virtual EnumDomain? Enum => null;
}
