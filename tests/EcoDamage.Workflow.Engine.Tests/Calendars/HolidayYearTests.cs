using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class HolidayYearTests
{
    private static readonly BilingualName NewYear = new("元旦", "New Year's Day");
    private static readonly BilingualName Spring = new("春节", "Spring Festival");

    // A made-up 2027 arrangement for tests only (the real one is not yet published).
    private static HolidayYear Fake2027() => new(
        2027,
        [new HolidayPeriod(NewYear, new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 3))],
        [new LocalDate(2027, 1, 9)], // Sat
        "test data");

    [Fact]
    public void WithYear_NewYear_PublishesItAndLeavesOriginalUnchanged()
    {
        var original = ShippedCalendar.Calendar;

        var extended = original.WithYear(Fake2027());

        Assert.Equal([2023, 2024, 2025, 2026, 2027], extended.PublishedYears);
        Assert.Equal(DayKind.PublicHoliday, extended.Classify(new LocalDate(2027, 1, 1)));
        Assert.Equal(DayKind.MakeUpWorkday, extended.Classify(new LocalDate(2027, 1, 9)));
        Assert.Equal(DayKind.MakeUpWorkday, extended.Classify(new LocalDate(2026, 2, 28)));
        Assert.False(original.IsPublished(2027));
        Assert.Equal(DayKind.Workday, original.Classify(new LocalDate(2027, 1, 1)));
    }

    [Fact]
    public void WithYear_ExistingYear_ReplacesIt()
    {
        var replaced = ShippedCalendar.Calendar.WithYear(new HolidayYear(2026, [], []));

        Assert.Equal([2023, 2024, 2025, 2026], replaced.PublishedYears);
        Assert.Equal(DayKind.Weekend, replaced.Classify(new LocalDate(2026, 2, 28)));
        Assert.Equal(DayKind.Workday, replaced.Classify(new LocalDate(2026, 10, 5)));
    }

    [Fact]
    public void Constructor_MakeUpDayOnWeekday_Throws()
    {
        // 2027-01-11 is a Monday.
        var error = Assert.Throws<ArgumentException>(() => new HolidayYear(2027, [], [new LocalDate(2027, 1, 11)]));
        Assert.Contains("Monday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MakeUpDayInsideHoliday_Throws()
    {
        var holiday = new HolidayPeriod(Spring, new LocalDate(2026, 2, 15), new LocalDate(2026, 2, 23));
        Assert.Throws<ArgumentException>(() => new HolidayYear(2026, [holiday], [new LocalDate(2026, 2, 21)]));
    }

    [Fact]
    public void Constructor_OverlappingHolidays_Throws()
    {
        var a = new HolidayPeriod(NewYear, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 3));
        var b = new HolidayPeriod(Spring, new LocalDate(2026, 1, 3), new LocalDate(2026, 1, 5));
        Assert.Throws<ArgumentException>(() => new HolidayYear(2026, [a, b], []));
    }

    [Fact]
    public void Constructor_DateInAnotherYear_Throws()
    {
        var holiday = new HolidayPeriod(NewYear, new LocalDate(2025, 12, 31), new LocalDate(2026, 1, 1));
        Assert.Throws<ArgumentException>(() => new HolidayYear(2026, [holiday], []));
    }

    [Fact]
    public void Constructor_ReversedRange_Throws()
    {
        var holiday = new HolidayPeriod(NewYear, new LocalDate(2026, 1, 3), new LocalDate(2026, 1, 1));
        Assert.Throws<ArgumentException>(() => new HolidayYear(2026, [holiday], []));
    }

    [Fact]
    public void CalendarConstructor_SameYearTwice_Throws()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Assert.Throws<ArgumentException>(() =>
            new HolidayCalendar("x", zone, [new HolidayYear(2026, [], []), new HolidayYear(2026, [], [])]));
    }

    [Fact]
    public void ComputeDue_YearWithoutAnyWorkingDay_TerminatesInNextYear()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var allOff = new HolidayPeriod(Spring, new LocalDate(2030, 1, 1), new LocalDate(2030, 12, 31));
        var calendar = new HolidayCalendar("all-off", zone, [new HolidayYear(2030, [allOff], [])]);

        // 2029-12-31 is a Monday; 2030 has no working day; 2031-01-01 (Wed, unpublished) is the first.
        var due = new DeadlineCalculator(calendar).ComputeDue(new LocalDate(2029, 12, 31), LegalPeriod.WorkingDays(1), HolidayRule.None);

        Assert.Equal(new LocalDate(2031, 1, 1), due.LastDay);
        Assert.True(due.Provisional);
    }
}
