namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>The default when no host provides declared names: only <see cref="EventNames.All"/> is known.</summary>
internal sealed class NoDeclaredEventNames : IDeclaredEventNames
{
    public IReadOnlyCollection<string> Names => [];
}
