using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;

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
    long? ExpectedVersion = null) : CaseCommand(Actor, IdempotencyKey)
{
    /// <summary>The cases the approver may act on; a case outside it is refused.</summary>
    /// <value><see cref="AccessScope.Nothing"/> unless set (deny by default).</value>
    public AccessScope Scope { get; init; } = AccessScope.Nothing;

    /// <summary>The roles that approve extensions; the approver's role must be one of them.</summary>
    /// <value>None unless set (deny by default).</value>
    public IReadOnlyCollection<string> ApproverRoles { get; init; } = [];
}
