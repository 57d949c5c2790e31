using NodaTime;

namespace EcoDamage.Workflow.Runtime.Audit;

/// <summary>
/// One append-only record of a change to a case, hash-chained to the case's previous event: any edit,
/// insertion or deletion of an event breaks the chain (see <see cref="AuditChainVerifier"/>).
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Sequence">Position in the case's chain, from 1 without gaps.</param>
/// <param name="At">When the change was made.</param>
/// <param name="Kind">What kind of change (<c>Started</c>, <c>Transition</c>, <c>Internal</c>, <c>DocumentAttached</c>).</param>
/// <param name="ActorId">Who made it.</param>
/// <param name="Role">In which role.</param>
/// <param name="Department">The actor's department, when known.</param>
/// <param name="Trigger">Trigger fired (<c>start</c>, <c>attach:type</c>, or a trigger id).</param>
/// <param name="FromState">Innermost state before.</param>
/// <param name="ToState">Innermost state after.</param>
/// <param name="DataDiff">Canonical JSON: field → <c>{"from":…,"to":…}</c>, keys in ordinal order.</param>
/// <param name="DefinitionKey">The definition version (<c>claim@1.0.0</c>) the case is pinned to.</param>
/// <param name="CaseVersion">The case version after the change.</param>
/// <param name="PreviousHash">Hash of the previous event, or <see cref="AuditHasher.Genesis"/> for the first.</param>
/// <param name="Hash">SHA-256 (lower-case hex) over <see cref="AuditHasher.Canonical"/> of this event.</param>
public sealed record AuditEvent(
    string CaseId,
    long Sequence,
    Instant At,
    string Kind,
    string ActorId,
    string Role,
    string? Department,
    string Trigger,
    string FromState,
    string ToState,
    string DataDiff,
    string DefinitionKey,
    long CaseVersion,
    string PreviousHash,
    string Hash);
