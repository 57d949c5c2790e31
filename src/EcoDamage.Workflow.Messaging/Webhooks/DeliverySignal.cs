using EcoDamage.Workflow.Messaging.Outbox;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>Set after a fan-out or a replay: wakes the delivery worker.</summary>
internal sealed class DeliverySignal : Signal;
