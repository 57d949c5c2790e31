using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Recomputes the open deadlines that were computed through a year whose holiday calendar was not yet
    /// published (<see cref="DeadlineInstance.Provisional"/>), with the calendars of this engine's catalog —
    /// run it after a new year's calendar is added. Reminders already sent stay sent; the others move with
    /// the due date.
    /// </summary>
    /// <returns>The case (a new version when anything moved) and each deadline before and after.</returns>
    public RecomputeResult RecomputeProvisional(CaseInstance @case)
    {
        RequireStarted(@case);
        var deadlines = @case.Deadlines;
        var changed = new List<(DeadlineInstance Before, DeadlineInstance After)>();
        for (var i = 0; i < deadlines.Length; i++)
        {
            var before = deadlines[i];
            if (before.Status != DeadlineStatus.Open || !before.Provisional)
            {
                continue;
            }

            var workflow = Workflow(@case.Frames.First(f => f.DefinitionId == before.DefinitionId));
            var deadline = workflow.DeadlinesById[before.DeadlineId];
            DueDate due;
            if (deadline.Definition.DueField is { } field)
            {
                if (!@case.Data.TryGetValue(field.Text, out var value) || value is not LocalDate lastDay)
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
}
