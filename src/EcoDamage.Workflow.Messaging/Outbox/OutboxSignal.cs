using EcoDamage.Workflow.Runtime.Messaging;

namespace EcoDamage.Workflow.Messaging.Outbox;

/// <summary>Told after every commit that wrote outbox rows (<see cref="IOutboxSignal"/>): wakes the relay.</summary>
internal sealed class OutboxSignal : Signal, IOutboxSignal
{
    public void Notify() => Set();
}
