using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>The names a definition's expressions may use: its data fields and its parameters.</summary>
internal static class DefinitionScope
{
    public static ExpressionScope For(WorkflowDefinition definition) => new(
        definition.Fields.DistinctBy(f => f.Id).Select(f =>
            new FieldSymbol(f.Id, f.Type, f.Type == DataType.Enum ? f.Values.Select(v => v.Id).ToList() : null)),
        definition.Parameters.DistinctBy(p => p.Id).Select(p => new ParameterSymbol(p.Id, p.Type, p.Value, null)));
}
