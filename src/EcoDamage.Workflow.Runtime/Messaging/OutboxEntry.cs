namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>An outbox row as a dispatcher claimed it.</summary>
/// <param name="Id">The row's id (UUIDv7): the event id.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Type">The row's type (<c>case.started</c>, <c>case.actionRequested</c>, …).</param>
/// <param name="Name">The event name stored with the row (read from the case's definition when the command committed).</param>
/// <param name="Payload">The JSON payload.</param>
/// <param name="OccurredAt">When the change was committed.</param>
public sealed record OutboxEntry(Guid Id, string CaseId, string Type, string Name, string Payload, DateTimeOffset OccurredAt);
