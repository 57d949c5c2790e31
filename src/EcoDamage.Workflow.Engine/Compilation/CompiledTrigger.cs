using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>A trigger with its role set and input fields resolved.</summary>
internal sealed class CompiledTrigger(TriggerDefinition definition, IReadOnlyDictionary<string, FieldDefinition> inputs)
{
    private readonly HashSet<string> _roles = definition.Roles.Select(r => r.Text).ToHashSet(StringComparer.Ordinal);

    public TriggerDefinition Definition { get; } = definition;

    public string Id => Definition.Id;

    public IReadOnlyDictionary<string, FieldDefinition> Inputs { get; } = inputs;

    public bool Allows(string role) => _roles.Contains(role);
}
