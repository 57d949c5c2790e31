using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>Requests an extension of an open deadline: a further period or a new last day, with a reason.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="DeadlineKey">The deadline's key (<c>claim/preliminaryCheck#1</c>).</param>
/// <param name="Period">A further period counted from the current last day (<c>15d</c>, <c>10wd</c>, <c>1m</c>).</param>
/// <param name="LastDay">A new last day, instead of a period.</param>
/// <param name="Reason">Why (recorded in the audit trail).</param>
/// <param name="Actor">Who asks.</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="ExpectedVersion">The case version the caller saw, if any.</param>
public sealed record RequestDeadlineExtension(
    string CaseId,
    string DeadlineKey,
    string? Period,
    LocalDate? LastDay,
    string Reason,
    Actor Actor,
    string? IdempotencyKey = null,
    long? ExpectedVersion = null) : CaseCommand(Actor, IdempotencyKey)
{
    /// <summary>The cases the requester may act on; a case outside it is refused.</summary>
    /// <value><see cref="AccessScope.Nothing"/> unless set (deny by default).</value>
    public AccessScope Scope { get; init; } = AccessScope.Nothing;

    /// <summary>How far beyond the current last day the new one may lie.</summary>
    /// <value>One year by default.</value>
    public NodaTime.Period MaxExtension { get; init; } = NodaTime.Period.FromYears(1);
}
