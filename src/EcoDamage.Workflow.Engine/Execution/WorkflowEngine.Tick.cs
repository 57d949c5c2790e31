using System.Collections.Immutable;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

public sealed partial class WorkflowEngine
{
    private const int MaxEventsPerTick = 10_000;

    /// <summary>
    /// Handles every reminder and overdue action due at or before <paramref name="now"/>, oldest first:
    /// a reminder is sent once; an overdue deadline escalates (the case comes under the role's
    /// supervision) and/or auto-fires its trigger as <see cref="Actor.System"/>, once.
    /// </summary>
    public TickResult Tick(CaseInstance @case, Instant now)
    {
        RequireStarted(@case);
        var events = new List<DeadlineEvent>();
        var current = @case;
        while (events.Count < MaxEventsPerTick && NextDue(current, now) is { } due)
        {
            var (index, reminder) = due;
            var deadline = current.Deadlines[index];
            if (reminder >= 0)
            {
                var r = deadline.Reminders[reminder];
                current = current with
                {
                    Version = current.Version + 1,
                    Deadlines = current.Deadlines.SetItem(index, deadline with { Reminders = deadline.Reminders.SetItem(reminder, r with { Sent = true }) }),
                };
                events.Add(new DeadlineEvent(DeadlineEventKind.Reminder, deadline, r.At, now, deadline.RemindRole, r.Offset, null, null));
                continue;
            }

            var (updated, evt) = Overdue(current, index, now);
            current = updated;
            events.Add(evt);
        }

        return new TickResult(current, events);
    }

    private (CaseInstance Case, DeadlineEvent Event) Overdue(CaseInstance @case, int index, Instant now)
    {
        var deadline = @case.Deadlines[index];
        var frame = @case.Frames.First(f => f.DefinitionId == deadline.DefinitionId);
        var definition = Workflow(frame).DeadlinesById[deadline.DeadlineId].Definition;
        var overdue = definition.Overdue!;
        var handled = deadline with
        {
            Status = DeadlineStatus.Overdue,
            OverdueHandledAt = now,
            Reminders = deadline.Reminders.Select(r => r with { Sent = true }).ToImmutableArray(),
        };
        var current = @case with { Version = @case.Version + 1, Deadlines = @case.Deadlines.SetItem(index, handled) };
        var escalateTo = overdue.Escalate?.Text;
        if (escalateTo is not null)
        {
            current = current with
            {
                Supervision = current.Supervision.Add(escalateTo),
                History = current.History.Add(new HistoryEntry(
                    now, HistoryKind.Escalated, current.Frames[^1].DefinitionKey, current.State, current.State, deadline.Key,
                    Actor.System.Id, Actor.System.Role, ImmutableDictionary<string, object?>.Empty.Add("escalatedTo", escalateTo))),
            };
        }

        FireResult? autoFire = null;
        if (overdue.Fire is { } fire)
        {
            autoFire = Fire(current, new FireRequest(fire.Text, Actor.System, now));
            if (autoFire.Accepted)
            {
                current = autoFire.Case;
            }
        }

        var evt = new DeadlineEvent(DeadlineEventKind.Overdue, deadline, deadline.Due, now, escalateTo ?? deadline.RemindRole, null, overdue.Basis, autoFire, escalateTo);
        return (current, evt);
    }

    /// <summary>The earliest due event: (deadline index, reminder index or -1 for the overdue action).</summary>
    private static (int Index, int Reminder)? NextDue(CaseInstance @case, Instant now)
    {
        (int, int)? best = null;
        var bestAt = Instant.MaxValue;
        for (var i = 0; i < @case.Deadlines.Length; i++)
        {
            var d = @case.Deadlines[i];
            if (d.Status != DeadlineStatus.Open)
            {
                continue;
            }

            for (var r = 0; r < d.Reminders.Length; r++)
            {
                var reminder = d.Reminders[r];
                if (!reminder.Sent && reminder.At <= now && reminder.At < d.Due && reminder.At < bestAt)
                {
                    (best, bestAt) = ((i, r), reminder.At);
                }
            }

            if (d.Due <= now && d.Due < bestAt)
            {
                (best, bestAt) = ((i, -1), d.Due);
            }
        }

        return best;
    }
}
