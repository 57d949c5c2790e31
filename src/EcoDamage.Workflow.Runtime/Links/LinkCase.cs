using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Commands;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>Links two existing cases: <see cref="CaseLinkKinds.SupplementaryTo"/> or <see cref="CaseLinkKinds.Related"/>.</summary>
/// <param name="FromCaseId">The dependent case (the supplementary claim).</param>
/// <param name="ToCaseId">The original case.</param>
/// <param name="Kind">The stored kind.</param>
/// <param name="Actor">Who links them.</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="Note">Why, or null.</param>
public sealed record LinkCase(string FromCaseId, string ToCaseId, string Kind, Actor Actor, string? IdempotencyKey = null, string? Note = null)
    : CaseCommand(Actor, IdempotencyKey)
{
    /// <summary>The version of the case the request is addressed to (<see cref="AddressedTo"/>) that the caller saw (<c>If-Match</c>), if any: another version is a conflict.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>The case the request is addressed to, whose version <see cref="ExpectedVersion"/> names.</summary>
    /// <value><see cref="FromCaseId"/> unless set.</value>
    public string? AddressedTo { get; init; }

    /// <summary>The cases the caller may act on: both cases must lie within it.</summary>
    /// <value><see cref="AccessScope.Nothing"/> unless set (deny by default).</value>
    public AccessScope Scope { get; init; } = AccessScope.Nothing;
}
