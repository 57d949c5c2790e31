using NodaTime;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>The kind of every day of one published year, indexed by day of year for O(1) lookups.</summary>
internal sealed class YearTable
{
    private readonly DayKind[] kinds;
    private readonly HolidayPeriod?[] holidays;

    public YearTable(HolidayYear year)
    {
        var first = new LocalDate(year.Year, 1, 1);
        var length = CalendarSystem.Iso.GetDaysInYear(year.Year);
        kinds = new DayKind[length];
        holidays = new HolidayPeriod?[length];
        for (var i = 0; i < length; i++)
        {
            kinds[i] = HolidayYearRules.IsWeekend(first.PlusDays(i)) ? DayKind.Weekend : DayKind.Workday;
        }

        foreach (var holiday in year.Holidays)
        {
            for (var day = holiday.From; day <= holiday.To; day = day.PlusDays(1))
            {
                kinds[day.DayOfYear - 1] = DayKind.PublicHoliday;
                holidays[day.DayOfYear - 1] = holiday;
            }
        }

        foreach (var day in year.MakeUpWorkdays)
        {
            kinds[day.DayOfYear - 1] = DayKind.MakeUpWorkday;
        }
    }

    public DayKind Classify(LocalDate date) => kinds[date.DayOfYear - 1];

    public HolidayPeriod? HolidayOn(LocalDate date) => holidays[date.DayOfYear - 1];
}
