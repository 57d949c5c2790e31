namespace EcoDamage.Workflow.Runtime.HookSecrets;

/// <summary>
/// Remembers every accepted signed inbound message (system, <c>webhook-id</c>, <c>webhook-timestamp</c>) until its
/// timestamp leaves the tolerance window, so that a captured message cannot be delivered a second time.
/// </summary>
public interface IInboundReplayGuard
{
    /// <summary>
    /// Remembers the message until <paramref name="expiresAt"/> and answers true, or answers false when it was
    /// already remembered (a replay). Forgets messages whose window ended before <paramref name="now"/>.
    /// </summary>
    Task<bool> TryRememberAsync(string system, string messageId, long timestamp, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default);
}
