namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>An event to deliver, written with the change it reports.</summary>
internal sealed class OutboxRow
{
    public Guid Id { get; set; }

    public required string CaseId { get; set; }

    /// <summary>The kind of row (<c>case.started</c>, <c>case.actionRequested</c>, …).</summary>
    public required string Type { get; set; }

    /// <summary>The event name other systems hear, named from the case's definition when the row was written.</summary>
    public required string Name { get; set; }

    public required string Payload { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long OccurredAt { get; set; }

    /// <summary>Unix ticks (100 ns), UTC; null until the relay has delivered it.</summary>
    public long? DispatchedAt { get; set; }

    public int Attempts { get; set; }
}
