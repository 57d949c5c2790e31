namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>One attempt in a delivery's log.</summary>
/// <param name="Attempt">1, 2, …</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The HTTP status, or null when no response came.</param>
/// <param name="LatencyMs">Milliseconds until the response (or the failure).</param>
/// <param name="Excerpt">The start of the response body, or the error.</param>
/// <param name="Succeeded">Whether the receiver accepted it.</param>
public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, long LatencyMs, string? Excerpt, bool Succeeded);
