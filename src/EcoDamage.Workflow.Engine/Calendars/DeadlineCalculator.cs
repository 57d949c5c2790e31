using NodaTime;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>
/// Legal deadline arithmetic over a <see cref="HolidayCalendar"/>. A period starts the day after its
/// anchor (期间开始的日不计算在期间内) and ends at the end (24:00) of its last day, reckoned in the
/// calendar's time zone. Pure and thread-safe; it never reads the clock.
/// </summary>
public sealed class DeadlineCalculator
{
    /// <summary>How many days a scan may look at before giving up (about 270 years).</summary>
    private const int MaxScanDays = 100_000;

    /// <summary>Creates a calculator over <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The working-day calendar.</param>
    public DeadlineCalculator(HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    /// <summary>The calendar used to tell working days from days off.</summary>
    public HolidayCalendar Calendar { get; }

    /// <summary>Computes when a period that starts from <paramref name="anchor"/> expires.</summary>
    /// <param name="anchor">The event that starts the period; its local date in the calendar's zone is day 0.</param>
    /// <param name="period">The period.</param>
    /// <param name="rule">What to do when the last day of a calendar-day or month period is a day off.</param>
    /// <returns>The due instant, the last day, and whether it is provisional.</returns>
    /// <inheritdoc cref="ComputeDue(LocalDate, LegalPeriod, HolidayRule)" path="/remarks"/>
    /// <inheritdoc cref="ComputeDue(LocalDate, LegalPeriod, HolidayRule)" path="/exception"/>
    public DueDate ComputeDue(Instant anchor, LegalPeriod period, HolidayRule rule) =>
        ComputeDue(anchor.InZone(Calendar.Zone).Date, period, rule);

    /// <summary>Computes when a period that starts from the local date <paramref name="anchorDate"/> expires.</summary>
    /// <param name="anchorDate">Day 0 of the period; it is not counted.</param>
    /// <param name="period">The period.</param>
    /// <param name="rule">What to do when the last day of a calendar-day or month period is a day off.</param>
    /// <returns>The due instant, the last day, and whether it is provisional.</returns>
    /// <remarks>
    /// Calendar days: the last day is the anchor date plus N days. Months: the anchor date plus N months,
    /// clamped to the end of a shorter month (2026-01-31 + 1m = 2026-02-28). With
    /// <see cref="HolidayRule.NextWorkingDay"/> a last day that is not a working day moves to the next
    /// working day. Working days: the last day is the Nth working day after the anchor date; the rule
    /// does not apply. The due instant is the start of the day after the last day.
    /// </remarks>
    /// <exception cref="ArgumentException">The period is the default value or the rule is unknown.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working day for about 270 years.</exception>
    public DueDate ComputeDue(LocalDate anchorDate, LegalPeriod period, HolidayRule rule)
    {
        RequireValid(period, nameof(period));
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentException($"Unknown holiday rule {rule}.", nameof(rule));
        }

        anchorDate = anchorDate.WithCalendar(CalendarSystem.Iso);
        var provisional = false;
        if (period.Unit == PeriodUnit.WorkingDays)
        {
            var nth = StepWorkingDays(anchorDate, period.Amount, 1, ref provisional);
            return new DueDate(EndOf(nth), nth, provisional, 0);
        }

        var lastDay = period.Unit == PeriodUnit.Months
            ? anchorDate.PlusMonths(period.Amount)
            : anchorDate.PlusDays(period.Amount);
        return DueOn(lastDay, rule);
    }

    /// <summary>
    /// A deadline whose last day is given (a date set in an agreement or a judgment): with
    /// <see cref="HolidayRule.NextWorkingDay"/> a last day that is not a working day moves to the next
    /// working day; the due instant is the start of the day after.
    /// </summary>
    /// <param name="lastDay">The last day as given.</param>
    /// <param name="rule">Whether a non-working last day moves.</param>
    /// <returns>The due instant, the (possibly moved) last day, and whether it is provisional.</returns>
    /// <exception cref="ArgumentException">The rule is unknown.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working day for about 270 years.</exception>
    public DueDate DueOn(LocalDate lastDay, HolidayRule rule)
    {
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentException($"Unknown holiday rule {rule}.", nameof(rule));
        }

        lastDay = lastDay.WithCalendar(CalendarSystem.Iso);
        if (rule == HolidayRule.None)
        {
            return new DueDate(EndOf(lastDay), lastDay, false, 0);
        }

        var provisional = false;
        var moved = lastDay;
        for (var scanned = 0; !IsWorkingDay(moved, ref provisional); scanned++)
        {
            GuardScan(scanned, lastDay);
            moved = moved.PlusDays(1);
        }

        return new DueDate(EndOf(moved), moved, provisional, Period.DaysBetween(lastDay, moved));
    }

    /// <summary>Computes when to remind someone <paramref name="before"/> ahead of <paramref name="due"/>.</summary>
    /// <param name="due">The deadline, usually <see cref="DueDate.Due"/>.</param>
    /// <param name="before">How far ahead to remind.</param>
    /// <returns>The reminder instant.</returns>
    /// <remarks>
    /// Calendar days and months go back on the local clock in the calendar's zone, keeping the time of
    /// day (due 2026-02-27 00:00, 2d before: 2026-02-25 00:00; months clamp to the month end).
    /// Working days: counting back over the days strictly before the due instant's local date, the
    /// reminder is the start of the Nth working day met, so exactly N working days remain when it
    /// fires (due 2026-02-27 00:00, 2wd before: 2026-02-25 00:00, leaving Feb 25 and 26).
    /// Unpublished years count as Monday to Friday weeks; no holiday rule applies.
    /// </remarks>
    /// <exception cref="ArgumentException">The period is the default value.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working day for about 270 years.</exception>
    public Instant ComputeReminder(Instant due, LegalPeriod before)
    {
        RequireValid(before, nameof(before));
        var zone = Calendar.Zone;
        var local = due.InZone(zone).LocalDateTime;
        switch (before.Unit)
        {
            case PeriodUnit.WorkingDays:
                var provisional = false;
                var day = StepWorkingDays(local.Date, before.Amount, -1, ref provisional);
                return zone.AtStartOfDay(day).ToInstant();
            case PeriodUnit.Months:
                return zone.AtLeniently(local.PlusMonths(-before.Amount)).ToInstant();
            default:
                return zone.AtLeniently(local.PlusDays(-before.Amount)).ToInstant();
        }
    }

    private static void RequireValid(LegalPeriod period, string parameter)
    {
        if (!period.IsValid)
        {
            throw new ArgumentException($"The period {period} is not valid; use 1 to {LegalPeriod.MaxAmount}.", parameter);
        }
    }

    private static void GuardScan(int scanned, LocalDate from)
    {
        if (scanned >= MaxScanDays)
        {
            throw new InvalidOperationException(
                $"The calendar has no working day within {MaxScanDays} days of {HolidayYearRules.Iso(from)}.");
        }
    }

    /// <summary>Walks from <paramref name="from"/> (not counted) in <paramref name="direction"/> to the Nth working day.</summary>
    private LocalDate StepWorkingDays(LocalDate from, int count, int direction, ref bool provisional)
    {
        var day = from;
        var found = 0;
        for (var scanned = 0; found < count; scanned++)
        {
            GuardScan(scanned, from);
            day = day.PlusDays(direction);
            if (IsWorkingDay(day, ref provisional))
            {
                found++;
            }
        }

        return day;
    }

    private bool IsWorkingDay(LocalDate day, ref bool provisional)
    {
        var kind = Calendar.Classify(day, out var published);
        provisional |= !published;
        return HolidayYearRules.IsWorking(kind);
    }

    private Instant EndOf(LocalDate lastDay) => Calendar.Zone.AtStartOfDay(lastDay.PlusDays(1)).ToInstant();
}
