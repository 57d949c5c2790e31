namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>One attempt in the delivery log.</summary>
/// <param name="Attempt">1, 2, …</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The HTTP status, or null when no response came.</param>
/// <param name="LatencyMs">Milliseconds until the response (or the failure).</param>
/// <param name="Excerpt">The start of the response body, or the error.</param>
/// <param name="Succeeded">Whether the receiver accepted it (2xx).</param>
public sealed record AttemptView(int Attempt, DateTimeOffset At, int? StatusCode, long LatencyMs, string? Excerpt, bool Succeeded);
