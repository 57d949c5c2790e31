using System.Collections.Immutable;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A deadline opened on a case.</summary>
/// <param name="Key">Unique within the case: <c>definition/deadline#n</c>.</param>
/// <param name="DefinitionId">Definition that declares it.</param>
/// <param name="DeadlineId">Deadline id in that definition.</param>
/// <param name="State">The state whose exit closes it.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="Anchor">What it counts from, as an instant.</param>
/// <param name="Due">The end of the period.</param>
/// <param name="LastDay">The period's last day (local date).</param>
/// <param name="Provisional">True when computed through a year whose holiday calendar is not yet published.</param>
/// <param name="RemindRole">Who is reminded and notified.</param>
/// <param name="Reminders">Reminders before due.</param>
/// <param name="Status">Open, closed or overdue.</param>
/// <param name="ClosedAt">When its state was left.</param>
/// <param name="OverdueHandledAt">When its overdue action was taken.</param>
/// <param name="PendingExtension">A requested extension waiting for approval.</param>
public sealed record DeadlineInstance(
    string Key,
    string DefinitionId,
    string DeadlineId,
    string State,
    Instant OpenedAt,
    Instant Anchor,
    Instant Due,
    LocalDate LastDay,
    bool Provisional,
    string? RemindRole,
    ImmutableArray<ReminderInstance> Reminders,
    DeadlineStatus Status,
    Instant? ClosedAt = null,
    Instant? OverdueHandledAt = null,
    ExtensionRequest? PendingExtension = null)
{
    /// <summary>True until its state is left (an overdue deadline stays active).</summary>
    public bool IsActive => Status != DeadlineStatus.Closed;

    /// <summary>The branch of a multi-instance call the deadline belongs to (<c>phases/2</c>); null for the case's own frames.</summary>
    public string? Branch { get; init; }

    /// <summary>The next instant at which something is due (a reminder or the overdue action), or null.</summary>
    public Instant? NextEventAt()
    {
        if (Status != DeadlineStatus.Open)
        {
            return null;
        }

        Instant? next = Due;
        foreach (var r in Reminders)
        {
            if (!r.Sent && r.At < next)
            {
                next = r.At;
            }
        }

        return next;
    }
}
