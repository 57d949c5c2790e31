using NodaTime;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>An event other systems must hear, written in the same transaction as the change it reports.</summary>
/// <param name="Id">Message id (time-ordered).</param>
/// <param name="CaseId">The case.</param>
/// <param name="Type">The kind of row (see <see cref="OutboxMessageTypes"/>).</param>
/// <param name="Payload">JSON body.</param>
/// <param name="OccurredAt">When the change was made.</param>
public sealed record OutboxMessage(Guid Id, string CaseId, string Type, string Payload, Instant OccurredAt)
{
    /// <summary>
    /// The event name other systems hear (<c>clue.registered</c>, <c>case.opened</c>, …), read from the case's
    /// definition when the row is built.
    /// </summary>
    /// <value>Defaults to <see cref="Type"/> (the name of every kind a definition does not name).</value>
    public string Name { get; init; } = Type;
}
