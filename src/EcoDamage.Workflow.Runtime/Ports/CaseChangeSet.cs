using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Everything one accepted command writes, committed together or not at all.</summary>
/// <param name="Case">The case after the change.</param>
/// <param name="ExpectedVersion">The stored version the change was computed from; 0 inserts a new case.</param>
/// <param name="AuditEvents">New audit events, chained after the stored head.</param>
/// <param name="Deadlines">The case's deadline rows after the change (they replace the stored ones).</param>
/// <param name="Outbox">Events to deliver.</param>
/// <param name="Document">A document attached by the command, if any.</param>
/// <param name="Idempotency">The idempotency record to keep, if the command carried a key.</param>
public sealed record CaseChangeSet(
    CaseInstance Case,
    long ExpectedVersion,
    IReadOnlyList<AuditEvent> AuditEvents,
    IReadOnlyList<ScheduledDeadline> Deadlines,
    IReadOnlyList<OutboxMessage> Outbox,
    StoredDocument? Document,
    IdempotencyRecord? Idempotency)
{
    /// <summary>
    /// True when <see cref="Deadlines"/> equals the deadline rows stored at <see cref="ExpectedVersion"/>,
    /// so the store may leave them alone instead of replacing them (false writes them: always safe).
    /// </summary>
    public bool DeadlinesUnchanged { get; init; }

    /// <summary>The case's listing and filter columns, read from its data by its definition's <c>listing:</c> declaration.</summary>
    /// <value>Defaults to <see cref="CaseListing.None"/>.</value>
    public CaseListing Listing { get; init; } = CaseListing.None;

    /// <summary>
    /// True when no text value of the case's data changed since <see cref="ExpectedVersion"/>, so the store may leave
    /// the case's search entry alone (false rewrites it when it differs: always safe).
    /// </summary>
    public bool TextUnchanged { get; init; }

    /// <summary>Links stored from this case (its <see cref="Links.CaseLink.FromCaseId"/>), written with it.</summary>
    /// <value>Defaults to none.</value>
    public IReadOnlyList<Links.CaseLink> Links { get; init; } = [];
}
