using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary><c>today()</c>: the firing date from the context.</summary>
internal sealed class BoundToday(int start, int length) : BoundNode(start, length)
{
    public override DataType Type => DataType.Date;
}
