using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>An inbound hook whose signature has been verified.</summary>
/// <param name="SystemName">The configured system name from the path.</param>
/// <param name="Actor">The actor the system acts as.</param>
/// <param name="WebhookId">The <c>webhook-id</c> header (the same on every retry of one message).</param>
/// <param name="Body">The exact body bytes that were signed.</param>
/// <param name="Caller">The system as the access checks see it: its actor id, role, department and jurisdiction.</param>
internal sealed record InboundHook(string SystemName, Actor Actor, string WebhookId, byte[] Body, Security.Caller Caller)
{
    /// <summary>
    /// The key under which the runtime stores the command's outcome: the caller's <c>Idempotency-Key</c> when sent,
    /// else the <c>webhook-id</c>, scoped to the system so that two systems' ids never collide.
    /// </summary>
    public string IdempotencyKey(string? idempotencyKeyHeader) => $"hook:{SystemName}:{idempotencyKeyHeader ?? WebhookId}";
}
