using EcoDamage.Workflow.Runtime.Commands;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>The first accepted result of an idempotency key.</summary>
/// <param name="Key">The key.</param>
/// <param name="RequestHash">SHA-256 of the canonical request (see <see cref="Idempotency.RequestFingerprint"/>).</param>
/// <param name="CaseId">The case.</param>
/// <param name="Outcome">The outcome returned the first time.</param>
/// <param name="CreatedAt">When.</param>
public sealed record IdempotencyRecord(string Key, string RequestHash, string CaseId, CommandOutcome Outcome, Instant CreatedAt);
