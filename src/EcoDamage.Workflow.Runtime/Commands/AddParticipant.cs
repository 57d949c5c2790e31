using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>Records a participant of a case (R34): audited, versioned and announced like any other change of the case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Name">The person's name.</param>
/// <param name="Role">Their role in the case (e.g. <c>expert</c>).</param>
/// <param name="Organisation">Their organisation, or null.</param>
/// <param name="Actor">Who records them (kept with the participant and in the audit trail).</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="ExpectedVersion">The case version the caller saw, or null.</param>
public sealed record AddParticipant(
    string CaseId,
    string Name,
    string Role,
    string? Organisation,
    Actor Actor,
    string? IdempotencyKey = null,
    long? ExpectedVersion = null) : CaseCommand(Actor, IdempotencyKey)
{
    /// <summary>The account the participant acts with (granted the case), or null.</summary>
    public string? Account { get; init; }
}
