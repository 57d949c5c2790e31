using EcoDamage.Workflow.Runtime.Messaging;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>What one attempt gave: the status (null when no response came), latency, excerpt and whether it succeeded.</summary>
internal sealed record AttemptOutcome(DueDelivery Delivery, DateTimeOffset At, int? Status, long LatencyMs, string? Excerpt, bool Succeeded);
