using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>Approves the pending extension of a deadline, which moves its due instant and reminders.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="DeadlineKey">The deadline's key.</param>
/// <param name="Actor">Who approves (not the requester).</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="ExpectedVersion">The case version the caller saw, if any.</param>
public sealed record ApproveDeadlineExtension(
    string CaseId,
    string DeadlineKey,
    Actor Actor,
    string? IdempotencyKey = null,
    long? ExpectedVersion = null) : CaseCommand(Actor, IdempotencyKey);
