using System.Collections.ObjectModel;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>The published holiday arrangement (放假调休安排) of one year.</summary>
public sealed class HolidayYear
{
    /// <summary>Creates and checks a year of holiday data.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="holidays">The blocks of days off; they must lie in the year and not overlap.</param>
    /// <param name="makeUpWorkdays">
    /// Saturdays and Sundays of the year that are working days (调休上班); none may lie in a holiday.
    /// </param>
    /// <param name="source">Where the data comes from, e.g. the notice number; optional.</param>
    /// <exception cref="ArgumentException">The data breaks one of the rules above.</exception>
    public HolidayYear(int year, IEnumerable<HolidayPeriod> holidays, IEnumerable<LocalDate> makeUpWorkdays, string? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, HolidayYearRules.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, HolidayYearRules.MaxYear);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkdays);

        var holidayList = holidays.OrderBy(h => h?.From ?? default).ToArray();
        var daysOff = new Dictionary<LocalDate, HolidayPeriod>();
        foreach (var holiday in holidayList)
        {
            if (holiday is null)
            {
                throw new ArgumentException("A holiday is null.", nameof(holidays));
            }

            RequireIso(holiday.From, nameof(holidays));
            RequireIso(holiday.To, nameof(holidays));
            Require(HolidayYearRules.CheckInYear(year, holiday.From, "holiday start")
                ?? HolidayYearRules.CheckInYear(year, holiday.To, "holiday end")
                ?? HolidayYearRules.CheckRange(holiday.From, holiday.To), nameof(holidays));
            for (var day = holiday.From; day <= holiday.To; day = day.PlusDays(1))
            {
                if (!daysOff.TryAdd(day, holiday))
                {
                    Require(HolidayYearRules.HolidaysOverlap(day, daysOff[day].Name, holiday.Name), nameof(holidays));
                }
            }
        }

        var workdayList = makeUpWorkdays.Order().ToArray();
        var seen = new HashSet<LocalDate>();
        foreach (var day in workdayList)
        {
            RequireIso(day, nameof(makeUpWorkdays));
            Require(HolidayYearRules.CheckInYear(year, day, "make-up workday")
                ?? HolidayYearRules.CheckMakeUpIsWeekend(day), nameof(makeUpWorkdays));
            if (daysOff.TryGetValue(day, out var holiday))
            {
                Require(HolidayYearRules.MakeUpInsideHoliday(day, holiday.Name), nameof(makeUpWorkdays));
            }

            if (!seen.Add(day))
            {
                Require(HolidayYearRules.MakeUpListedTwice(day), nameof(makeUpWorkdays));
            }
        }

        Year = year;
        Holidays = Array.AsReadOnly(holidayList);
        MakeUpWorkdays = Array.AsReadOnly(workdayList);
        Source = source;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The blocks of days off, ordered by start date.</summary>
    public ReadOnlyCollection<HolidayPeriod> Holidays { get; }

    /// <summary>The make-up working days (weekend days that are working days), in date order.</summary>
    public ReadOnlyCollection<LocalDate> MakeUpWorkdays { get; }

    /// <summary>Where the data comes from (notice title or number), or <see langword="null"/>.</summary>
    public string? Source { get; }

    private static void Require(string? problem, string parameter)
    {
        if (problem is not null)
        {
            throw new ArgumentException(problem, parameter);
        }
    }

    private static void RequireIso(LocalDate date, string parameter)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Holiday dates must use the ISO calendar system.", parameter);
        }
    }
}
