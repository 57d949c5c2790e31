using EcoDamage.Workflow.Engine.Execution;
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
    : CaseCommand(Actor, IdempotencyKey);
