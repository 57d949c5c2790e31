namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>The default <see cref="IOutboxSignal"/> when no messaging adapter is registered: nothing listens.</summary>
internal sealed class NoOutboxSignal : IOutboxSignal
{
    public void Notify()
    {
    }
}
