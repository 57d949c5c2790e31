using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>
/// Starts a later claim for newly found damage: a new case on the original's definition version with the original's
/// start data, linked <see cref="CaseLinkKinds.SupplementaryTo"/> the original, in one commit.
/// </summary>
/// <param name="OriginalCaseId">The original case.</param>
/// <param name="Actor">Who starts it.</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="CaseId">The new case's id, or null to have one generated.</param>
/// <param name="Description">The newly found damage (kept as the link's note), or null.</param>
public sealed record StartSupplementaryClaim(string OriginalCaseId, Actor Actor, string? IdempotencyKey = null, string? CaseId = null, string? Description = null)
    : CaseCommand(Actor, IdempotencyKey)
{
    /// <summary>The version of the case the request is addressed to that the caller saw (<c>If-Match</c>), if any: another version is a conflict.</summary>
    public long? ExpectedVersion { get; init; }
}
