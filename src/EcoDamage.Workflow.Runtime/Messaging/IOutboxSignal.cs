namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>
/// Told after a committed change set wrote outbox rows, so that whoever relays the outbox (the messaging adapter) can
/// look now instead of at its next poll. Runtime registers a no-op by default; a messaging adapter registers its own.
/// </summary>
public interface IOutboxSignal
{
    /// <summary>Outbox rows were committed. Cheap and non-blocking: called on the command path after every such commit.</summary>
    void Notify();
}
