using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>
/// A working-day calendar: Monday to Friday weeks plus the official public holidays and make-up
/// working days of each published year. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// A year that is not published is treated as plain Monday to Friday weeks; callers that need to
/// know use <see cref="IsPublished"/> (the <see cref="DeadlineCalculator"/> reports it as provisional).
/// All lookups are O(1).
/// </remarks>
public sealed class HolidayCalendar
{
    private readonly Dictionary<int, YearTable> tables;

    /// <summary>Creates a calendar.</summary>
    /// <param name="id">A short identifier, e.g. <c>cn-mainland</c>.</param>
    /// <param name="zone">The time zone in which dates are reckoned, e.g. Asia/Shanghai.</param>
    /// <param name="years">The published years; each year at most once.</param>
    /// <param name="title">A display title; optional.</param>
    /// <exception cref="ArgumentException">The id is blank or a year is given twice.</exception>
    public HolidayCalendar(string id, DateTimeZone zone, IEnumerable<HolidayYear> years, BilingualName? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(years);

        var ordered = years.OrderBy(y => y?.Year ?? 0).ToArray();
        tables = new Dictionary<int, YearTable>(ordered.Length);
        foreach (var year in ordered)
        {
            if (year is null)
            {
                throw new ArgumentException("A year is null.", nameof(years));
            }

            if (!tables.TryAdd(year.Year, new YearTable(year)))
            {
                throw new ArgumentException($"The year {year.Year} is given twice.", nameof(years));
            }
        }

        Id = id;
        Zone = zone;
        Title = title;
        Years = Array.AsReadOnly(ordered);
        PublishedYears = Array.AsReadOnly(ordered.Select(y => y.Year).ToArray());
    }

    /// <summary>The calendar's identifier, e.g. <c>cn-mainland</c>.</summary>
    public string Id { get; }

    /// <summary>The display title, or <see langword="null"/>.</summary>
    public BilingualName? Title { get; }

    /// <summary>The time zone in which dates are reckoned.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The published years' data, in year order.</summary>
    public ReadOnlyCollection<HolidayYear> Years { get; }

    /// <summary>The published years, ascending.</summary>
    public ReadOnlyCollection<int> PublishedYears { get; }

    /// <summary>Whether the holiday arrangement of <paramref name="year"/> is in this calendar.</summary>
    /// <param name="year">The year.</param>
    /// <returns><see langword="true"/> when the year is published.</returns>
    public bool IsPublished(int year) => tables.ContainsKey(year);

    /// <summary>Classifies a date (unpublished years: Monday to Friday work, weekends off).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The kind of day.</returns>
    public DayKind Classify(LocalDate date) => Classify(date, out _);

    /// <summary>Whether a date is a working day: a weekday that is not a holiday, or a make-up workday.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for <see cref="DayKind.Workday"/> and <see cref="DayKind.MakeUpWorkday"/>.</returns>
    public bool IsWorkingDay(LocalDate date) => HolidayYearRules.IsWorking(Classify(date, out _));

    /// <summary>Finds the public holiday a date belongs to.</summary>
    /// <param name="date">The date.</param>
    /// <param name="holiday">The holiday when the date is one of its days off; otherwise <see langword="null"/>.</param>
    /// <returns>Whether the date is a public holiday.</returns>
    public bool TryGetHoliday(LocalDate date, [NotNullWhen(true)] out HolidayPeriod? holiday)
    {
        date = ToIso(date);
        holiday = tables.TryGetValue(date.Year, out var table) ? table.HolidayOn(date) : null;
        return holiday is not null;
    }

    /// <summary>
    /// Returns a new calendar with <paramref name="year"/> added, replacing any data already held for
    /// that year. Deadlines computed before may need recomputing (those marked provisional).
    /// </summary>
    /// <param name="year">The year's holiday arrangement.</param>
    /// <returns>The new calendar; this one is unchanged.</returns>
    public HolidayCalendar WithYear(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new HolidayCalendar(Id, Zone, Years.Where(y => y.Year != year.Year).Append(year), Title);
    }

    /// <summary>Classifies a date and says whether its year is published.</summary>
    internal DayKind Classify(LocalDate date, out bool published)
    {
        date = ToIso(date);
        if (tables.TryGetValue(date.Year, out var table))
        {
            published = true;
            return table.Classify(date);
        }

        published = false;
        return HolidayYearRules.IsWeekend(date) ? DayKind.Weekend : DayKind.Workday;
    }

    private static LocalDate ToIso(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);
}
