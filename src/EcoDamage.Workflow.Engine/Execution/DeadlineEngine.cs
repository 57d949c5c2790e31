using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// The deadline side of the pure engine, beside <see cref="WorkflowEngine"/>: handles due reminders and
/// overdue actions, records and approves extensions, and recomputes provisional due dates. No I/O, no
/// clock: every instant comes in as an argument. Thread-safe.
/// </summary>
/// <param name="engine">The engine over the same catalog: resolves a case's workflows and fires overdue triggers.</param>
public sealed class DeadlineEngine(WorkflowEngine engine)
{
    private const int MaxEventsPerTick = 10_000;

    private readonly DeadlineExtender _extender = new(engine);

    /// <summary>The engine over the same catalog (for callers that hold only this one).</summary>
    internal WorkflowEngine Engine => engine;

    /// <summary>
    /// Handles every reminder and overdue action due at or before <paramref name="now"/>, oldest first:
    /// a reminder is sent once; an overdue deadline escalates (the case comes under the role's
    /// supervision) and/or auto-fires its trigger as <see cref="Actor.System"/>, once.
    /// </summary>
    public TickResult Tick(CaseInstance @case, Instant now)
    {
        CaseGuard.RequireStarted(@case);
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

    /// <summary>
    /// Records a request to extend an open deadline (the first of two recorded steps; see
    /// <see cref="ApproveExtension"/>). The new due instant is computed by the deadline's calendar: a further
    /// period counts from the current last day (working days skip holidays and count make-up workdays); a
    /// new last day moves past a day off when the deadline's holiday rule says so.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="deadlineKey">The deadline's key (<c>claim/preliminaryCheck#1</c>).</param>
    /// <param name="extension">The period or last day asked for, and the reason.</param>
    /// <param name="requester">Who asks.</param>
    /// <param name="now">When.</param>
    /// <returns>
    /// The case with the pending request, or refusals: an unknown deadline
    /// (<see cref="RefusalKind.InvalidData"/> on <c>deadline</c>), a deadline that is closed or already overdue
    /// (<see cref="RefusalKind.NotPermittedInState"/>), an invalid period, a last day in the past or one that
    /// does not move the deadline later, or a missing reason (<see cref="RefusalKind.InvalidData"/>).
    /// </returns>
    public ExtensionResult RequestExtension(CaseInstance @case, string deadlineKey, DeadlineExtension extension, Actor requester, Instant now)
    {
        CaseGuard.RequireStarted(@case);
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(requester);
        return _extender.Request(@case, deadlineKey, extension, requester, now);
    }

    /// <summary>
    /// Approves the pending extension of a deadline: its due instant and last day move to the requested
    /// ones and its reminders are recomputed from the new due instant (a reminder whose moment has already
    /// passed is not sent). The approver must not be the requester.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="deadlineKey">The deadline's key.</param>
    /// <param name="approver">Who approves.</param>
    /// <param name="now">When.</param>
    /// <returns>The case with the moved deadline, or refusals (unknown or not open deadline, no pending request, self-approval, or a due instant that has meanwhile passed).</returns>
    public ExtensionResult ApproveExtension(CaseInstance @case, string deadlineKey, Actor approver, Instant now)
    {
        CaseGuard.RequireStarted(@case);
        ArgumentNullException.ThrowIfNull(approver);
        return _extender.Approve(@case, deadlineKey, approver, now);
    }

    /// <summary>
    /// Recomputes the open deadlines that were computed through a year whose holiday calendar was not yet
    /// published (<see cref="DeadlineInstance.Provisional"/>), with the calendars of this engine's catalog —
    /// run it after a new year's calendar is added. Reminders already sent stay sent; the others move with
    /// the due date.
    /// </summary>
    /// <returns>The case (a new version when anything moved) and each deadline before and after.</returns>
    public RecomputeResult RecomputeProvisional(CaseInstance @case)
    {
        CaseGuard.RequireStarted(@case);
        var deadlines = @case.Deadlines;
        var changed = new List<(DeadlineInstance Before, DeadlineInstance After)>();
        for (var i = 0; i < deadlines.Length; i++)
        {
            var before = deadlines[i];
            if (before.Status != DeadlineStatus.Open || !before.Provisional)
            {
                continue;
            }

            var workflow = engine.Workflow(Instances.BranchDeadlines.FrameOf(@case, before));
            var deadline = workflow.DeadlinesById[before.DeadlineId];
            if (deadline.Period is null && deadline.Definition.DueField is null)
            {
                continue; // a schedule item's or month's deadline: its last day is not recomputed
            }

            DueDate due;
            if (deadline.Definition.DueField is { } field)
            {
                if (!Instances.BranchDeadlines.DataOf(@case, before).TryGetValue(field.Text, out var value) || value is not LocalDate lastDay)
                {
                    continue;
                }

                due = workflow.Calculator.DueOn(lastDay, deadline.HolidayRule);
            }
            else
            {
                due = workflow.Calculator.ComputeDue(before.Anchor, deadline.Period!.Value, deadline.HolidayRule);
            }

            var reminders = before.Reminders
                .Select((r, n) => r.Sent ? r : r with { At = workflow.Calculator.ComputeReminder(due.Due, deadline.Reminders[n].Before) })
                .ToImmutableArray();
            var after = before with { Due = due.Due, LastDay = due.LastDay, Provisional = due.Provisional, Reminders = reminders };
            if (after.Due != before.Due || after.Provisional != before.Provisional)
            {
                deadlines = deadlines.SetItem(i, after);
                changed.Add((before, after));
            }
        }

        return changed.Count == 0
            ? new RecomputeResult(@case, [])
            : new RecomputeResult(@case with { Version = @case.Version + 1, Deadlines = deadlines }, changed);
    }

    private (CaseInstance Case, DeadlineEvent Event) Overdue(CaseInstance @case, int index, Instant now)
    {
        var deadline = @case.Deadlines[index];
        var frame = Instances.BranchDeadlines.FrameOf(@case, deadline);
        var definition = engine.Workflow(frame).DeadlinesById[deadline.DeadlineId].Definition;
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
                    Actor.System.Id, Actor.System.Role, ImmutableDictionary<string, object?>.Empty.Add("escalatedTo", escalateTo)) { Branch = deadline.Branch }),
            };
        }

        // A missed month of a monthly schedule opens the next month's deadline while its state is active.
        current = Schedules.ScheduleRollover.AfterOverdue(engine.Workflow(frame), current, deadline, now);
        FireResult? autoFire = null;
        if (overdue.Fire is { } fire)
        {
            autoFire = engine.Fire(current, new FireRequest(fire.Text, Actor.System, now) { Branch = deadline.Branch });
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
