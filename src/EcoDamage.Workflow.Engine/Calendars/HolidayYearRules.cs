using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>The checks a year of holiday data must pass, shared by the loader and <see cref="HolidayYear"/>.</summary>
internal static class HolidayYearRules
{
    public const int MinYear = 1;
    public const int MaxYear = 9999;

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static bool IsWeekend(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    public static bool IsWorking(DayKind kind) => kind is DayKind.Workday or DayKind.MakeUpWorkday;

    /// <summary>Null when the date lies in the year, otherwise the message.</summary>
    public static string? CheckInYear(int year, LocalDate date, string what) =>
        date.Year == year ? null : $"The {what} {Iso(date)} is not in the year {year} it is listed under.";

    /// <summary>Null when the range is in order, otherwise the message.</summary>
    public static string? CheckRange(LocalDate from, LocalDate to) =>
        from <= to ? null : $"The holiday ends ({Iso(to)}) before it starts ({Iso(from)}).";

    /// <summary>Null when the make-up working day is a Saturday or Sunday, otherwise the message.</summary>
    public static string? CheckMakeUpIsWeekend(LocalDate date) =>
        IsWeekend(date)
            ? null
            : $"The make-up workday {Iso(date)} is a {date.DayOfWeek}; make-up workdays (调休上班) must be a Saturday or Sunday.";

    public static string MakeUpInsideHoliday(LocalDate date, BilingualName holiday) =>
        $"The make-up workday {Iso(date)} falls inside the holiday {holiday.En} ({holiday.Zh}); a day cannot be both.";

    public static string HolidaysOverlap(LocalDate date, BilingualName first, BilingualName second) =>
        $"The holiday {second.En} ({second.Zh}) overlaps {first.En} ({first.Zh}) on {Iso(date)}.";

    public static string MakeUpListedTwice(LocalDate date) =>
        $"The make-up workday {Iso(date)} is listed twice.";
}
