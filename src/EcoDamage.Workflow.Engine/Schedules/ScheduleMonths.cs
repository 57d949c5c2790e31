using System.Globalization;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// The per-calendar-month deadlines of a schedule with a monthly minimum (R24 labour compensation): one month
/// open at a time, due at the end of the month (Asia/Shanghai); met once the month holds the minimum number of
/// items, when the next month's opens; a month that ends without them is overdue (escalated once, by the
/// <see cref="DeadlineEngine"/>) and the next month's opens then. Months are read from the instants given, never a clock.
/// </summary>
internal static class ScheduleMonths
{
    /// <summary>Keeps the month deadline of <paramref name="schedule"/> current after a change at <paramref name="at"/>.</summary>
    public static void Update(CaseBuilder builder, CompiledWorkflow workflow, CompiledSchedule schedule, Instant at, FireResult result)
    {
        var zone = workflow.Calculator.Calendar.Zone;
        var open = builder.Deadlines.FirstOrDefault(d =>
            d.Status == DeadlineStatus.Open && d.DefinitionId == workflow.Definition.Id && d.DeadlineId == schedule.Id);
        if (open is null)
        {
            // Entering the state (or entering it again): the month of the change is the first one counted.
            OpenFrom(builder, workflow, schedule, YearMonth(at.InZone(zone).Date), at, result);
            return;
        }

        var month = MonthOf(open, zone);
        if (Count(builder, workflow, schedule, month) >= schedule.Minimum)
        {
            ScheduleDeadlines.Close(builder, open.Key[..(open.Key.LastIndexOf('#') + 1)], at, result);
            OpenFrom(builder, workflow, schedule, month.PlusMonths(1), at, result);
        }
    }

    /// <summary>After a month went overdue at <paramref name="now"/>: opens the following month's deadline.</summary>
    public static void AfterOverdue(CaseBuilder builder, CompiledWorkflow workflow, CompiledSchedule schedule, DeadlineInstance overdue, Instant now, FireResult result) =>
        OpenFrom(builder, workflow, schedule, MonthOf(overdue, workflow.Calculator.Calendar.Zone).PlusMonths(1), now, result);

    /// <summary>Opens the first month from <paramref name="month"/> on that does not already hold the minimum.</summary>
    private static void OpenFrom(CaseBuilder builder, CompiledWorkflow workflow, CompiledSchedule schedule, YearMonth month, Instant at, FireResult result)
    {
        var today = YearMonth(at.InZone(workflow.Calculator.Calendar.Zone).Date);
        while (month <= today && Count(builder, workflow, schedule, month) >= schedule.Minimum)
        {
            month = month.PlusMonths(1);
        }

        var zone = workflow.Calculator.Calendar.Zone;
        var prefix = ScheduleDeadlines.Prefix(workflow, schedule, month.ToString("uuuu-MM", CultureInfo.InvariantCulture));
        ScheduleDeadlines.Open(builder, workflow, schedule, prefix, month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)), zone.AtStartOfDay(month.OnDayOfMonth(1)).ToInstant(), at, result);
    }

    /// <summary>The month a monthly deadline stands for: its anchor is the start of that month.</summary>
    private static YearMonth MonthOf(DeadlineInstance deadline, DateTimeZone zone) => YearMonth(deadline.Anchor.InZone(zone).Date);

    private static YearMonth YearMonth(LocalDate date) => new(date.Year, date.Month);

    /// <summary>The items of the schedule dated in <paramref name="month"/>.</summary>
    private static int Count(CaseBuilder builder, CompiledWorkflow workflow, CompiledSchedule schedule, YearMonth month)
    {
        var member = schedule.Definition.Monthly!.DateMember.Text;
        var entry = ScheduleState.Find(builder.Schedules, workflow.Definition.Id, schedule.Id);
        return entry is null ? 0 : entry.Items.Count(i => i.Values.GetValueOrDefault(member) is LocalDate d && d.Year == month.Year && d.Month == month.Month);
    }
}
