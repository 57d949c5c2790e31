using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A reminder sent or an overdue action taken by <see cref="DeadlineEngine.Tick"/>.</summary>
/// <param name="Kind">Reminder or overdue.</param>
/// <param name="Deadline">The deadline (as it was before the event).</param>
/// <param name="ScheduledAt">When it was due.</param>
/// <param name="HandledAt">When the engine handled it (later than scheduled when the service was down).</param>
/// <param name="Role">Who is reminded, or to whom the case is escalated.</param>
/// <param name="Offset">The reminder offset (<c>7d</c>), for reminders.</param>
/// <param name="Basis">The legal basis of an escalation.</param>
/// <param name="AutoFire">The trigger fired by the overdue action, and its result.</param>
/// <param name="EscalatedTo">The role the case was escalated to by the overdue action (the procuratorate, R9), if any.</param>
public sealed record DeadlineEvent(
    DeadlineEventKind Kind,
    DeadlineInstance Deadline,
    Instant ScheduledAt,
    Instant HandledAt,
    string? Role,
    string? Offset,
    LocalizedText? Basis,
    FireResult? AutoFire,
    string? EscalatedTo = null)
{
    /// <summary>How late it was handled.</summary>
    public Duration Lateness => HandledAt - ScheduledAt;
}

/// <summary>Kinds of <see cref="DeadlineEvent"/>.</summary>
public enum DeadlineEventKind
{
    /// <summary>A reminder before due.</summary>
    Reminder,

    /// <summary>The deadline passed; escalation and/or auto-fire.</summary>
    Overdue,
}
