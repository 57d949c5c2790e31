using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>The names a definition's expressions may use: its data fields and its parameters.</summary>
internal sealed class DefinitionScope : IExpressionScope
{
    private readonly Dictionary<string, FieldSymbol> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterSymbol> _parameters = new(StringComparer.Ordinal);

    public DefinitionScope(WorkflowDefinition definition)
    {
        foreach (var f in definition.Fields)
        {
            _fields.TryAdd(f.Id, new FieldSymbol(f.Id, f.Type, f.Type == DataType.Enum ? f.Values.Select(v => v.Id).ToList() : null));
        }

        foreach (var p in definition.Parameters)
        {
            _parameters.TryAdd(p.Id, new ParameterSymbol(p.Id, p.Type, p.Value, null));
        }
    }

    public bool TryGetField(string name, out FieldSymbol symbol) => _fields.TryGetValue(name, out symbol!);

    public bool TryGetParameter(string name, out ParameterSymbol symbol) => _parameters.TryGetValue(name, out symbol!);
}
