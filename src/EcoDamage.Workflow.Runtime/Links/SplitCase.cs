using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>
/// Splits one clue into a case per obligor: each new case starts on the original's definition version with the
/// original's start data, records its obligor, and is linked <see cref="CaseLinkKinds.SplitFrom"/> the original; all
/// in one commit.
/// </summary>
/// <param name="CaseId">The original case.</param>
/// <param name="Obligors">One entry per obligor (at least one).</param>
/// <param name="Actor">Who splits it.</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
public sealed record SplitCase(string CaseId, IReadOnlyList<SplitObligor> Obligors, Actor Actor, string? IdempotencyKey = null)
    : CaseCommand(Actor, IdempotencyKey)
{
    /// <summary>The version of the case the request is addressed to that the caller saw (<c>If-Match</c>), if any: another version is a conflict.</summary>
    public long? ExpectedVersion { get; init; }
}
