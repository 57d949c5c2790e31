using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A read of a case data field.</summary>
internal sealed class BoundField(FieldSymbol symbol, int start, int length) : BoundNode(start, length)
{
    public string Name => symbol.Name;

    public override DataType Type => symbol.Type;

    public override EnumDomain? Enum { get; } = symbol is { Type: DataType.Enum, EnumValues: { } values }
        ? new EnumDomain($"enum field '{symbol.Name}'", values)
        : null;
}
