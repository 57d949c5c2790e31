namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>
/// The event names the loaded workflow definitions declare (their start, trigger and <c>publish:</c> events). A
/// subscription may select these beside the engine's own names in <see cref="EventNames.All"/>; the host that loads the
/// definitions provides them, so that a definition's new event can be subscribed to without a change here.
/// </summary>
public interface IDeclaredEventNames
{
    /// <summary>The declared names, each once.</summary>
    IReadOnlyCollection<string> Names { get; }
}
