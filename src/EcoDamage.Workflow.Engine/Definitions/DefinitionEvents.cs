namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// The event names one definition declares, indexed for the runtime that names each outbox row: its start
/// event, its triggers' state-change events and its publish actions' events.
/// </summary>
public sealed class DefinitionEvents
{
    private readonly Dictionary<string, string> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);

    private DefinitionEvents(WorkflowDefinition definition)
    {
        Start = definition.Start?.Event?.Text ?? EventNaming.Started;
        foreach (var trigger in definition.Triggers)
        {
            _triggers.TryAdd(trigger.Id, trigger.Event?.Text ?? EventNaming.StateChanged);
        }

        foreach (var action in definition.Actions().Where(a => a.Kind == ActionKind.Publish))
        {
            var name = action.Event?.Text ?? EventNaming.Published(action.Target.Text);
            if (action.Event is not null || !_published.ContainsKey(action.Target.Text))
            {
                _published[action.Target.Text] = name;
            }
        }

        Names = new[] { Start }.Concat(_triggers.Values).Concat(_published.Values).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The event a case started on the definition is.</summary>
    public string Start { get; }

    /// <summary>Every event name the definition declares or derives (start, triggers, publish actions), sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Indexes <paramref name="definition"/>'s events.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>Its events.</returns>
    public static DefinitionEvents Of(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new DefinitionEvents(definition);
    }

    /// <summary>The event a state change by <paramref name="trigger"/> is, or null when the definition has no such trigger.</summary>
    /// <param name="trigger">The trigger id.</param>
    /// <returns>The trigger's declared event, else <see cref="EventNaming.StateChanged"/>; null for another definition's trigger.</returns>
    public string? StateChange(string trigger) => _triggers.GetValueOrDefault(trigger);

    /// <summary>The event <c>publish: <paramref name="target"/></c> is, or null when no action of the definition publishes it.</summary>
    /// <param name="target">The publish target.</param>
    /// <returns>The event name, or null.</returns>
    public string? Published(string target) => _published.GetValueOrDefault(target);
}
