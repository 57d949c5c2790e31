using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// Opens and closes the deadlines of schedule items and months as ordinary <see cref="DeadlineInstance"/>s,
/// keyed <c>definition/schedule@item#n</c> (<c>claim/instalments@2#1</c>) or <c>definition/schedule@yyyy-MM#n</c>
/// (<c>repair/labourSessions@2026-05#1</c>), so listings, the sweeper and webhooks see them unchanged.
/// </summary>
internal static class ScheduleDeadlines
{
    /// <summary>The key prefix of an item's (or month's) deadlines: <c>definition/schedule@part#</c>.</summary>
    public static string Prefix(CompiledWorkflow workflow, CompiledSchedule schedule, string part) =>
        $"{workflow.Definition.Id}/{schedule.Id}@{part}#";

    /// <summary>True when the state declaring <paramref name="schedule"/> is active in its workflow's frame.</summary>
    public static bool StateActive(ImmutableArray<CaseFrame> frames, CompiledWorkflow workflow, CompiledSchedule schedule)
    {
        foreach (var frame in frames)
        {
            if (frame.DefinitionId != workflow.Definition.Id)
            {
                continue;
            }

            for (var s = workflow.States.Find(frame.State); s is not null; s = workflow.States.ParentOf(s.Id))
            {
                if (s.Id == schedule.State)
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    /// <summary>True when a deadline with this key prefix is active (open or overdue).</summary>
    public static bool HasActive(CaseBuilder builder, string prefix) =>
        builder.Deadlines.Any(d => d.IsActive && d.Key.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Opens a deadline due at the end of <paramref name="lastDay"/> (moved by the schedule's holiday rule).</summary>
    public static void Open(
        CaseBuilder builder, CompiledWorkflow workflow, CompiledSchedule schedule, string prefix, LocalDate lastDay, Instant anchor, Instant at, FireResult result)
    {
        var due = workflow.Calculator.DueOn(lastDay, schedule.Deadline.HolidayRule);
        DeadlineOpener.Add(builder, workflow, schedule.Deadline, prefix, schedule.Id, at, anchor, due, result);
    }

    /// <summary>Closes the active deadlines with this key prefix.</summary>
    public static void Close(CaseBuilder builder, string prefix, Instant at, FireResult result) =>
        builder.CloseWhere(prefix, static (d, p) => d.Key.StartsWith(p, StringComparison.Ordinal), at, result);
}
