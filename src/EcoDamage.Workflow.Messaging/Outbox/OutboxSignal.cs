namespace EcoDamage.Workflow.Messaging.Outbox;

/// <summary>Set after every commit that wrote outbox rows: wakes the relay.</summary>
internal sealed class OutboxSignal : Signal;
