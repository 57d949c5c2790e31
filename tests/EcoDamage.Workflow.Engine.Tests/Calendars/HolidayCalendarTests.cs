using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Cn = ShippedCalendar.Calendar;

    [Theory]
    [InlineData(2026, 2, 28, DayKind.MakeUpWorkday)] // Sat, 春节 make-up
    [InlineData(2026, 2, 14, DayKind.MakeUpWorkday)] // Sat, 春节 make-up
    [InlineData(2026, 10, 5, DayKind.PublicHoliday)] // Mon, 国庆节
    [InlineData(2026, 2, 15, DayKind.PublicHoliday)] // Sun, first day of 春节
    [InlineData(2026, 2, 23, DayKind.PublicHoliday)] // Mon, last day of 春节
    [InlineData(2026, 2, 24, DayKind.Workday)] // Tue after 春节
    [InlineData(2026, 3, 7, DayKind.Weekend)] // Sat
    [InlineData(2026, 3, 2, DayKind.Workday)] // Mon
    [InlineData(2026, 1, 4, DayKind.MakeUpWorkday)] // Sun, 元旦 make-up
    [InlineData(2025, 10, 8, DayKind.PublicHoliday)] // Wed, last day of 国庆节、中秋节
    [InlineData(2025, 9, 28, DayKind.MakeUpWorkday)] // Sun
    [InlineData(2025, 10, 11, DayKind.MakeUpWorkday)] // Sat
    [InlineData(2025, 10, 12, DayKind.Weekend)] // Sun
    [InlineData(2027, 1, 1, DayKind.Workday)] // Fri, 2027 unpublished: plain weekday
    [InlineData(2027, 1, 2, DayKind.Weekend)] // Sat, 2027 unpublished
    public void Classify_KnownDates_ReturnsOfficialKind(int year, int month, int day, DayKind expected)
    {
        Assert.Equal(expected, Cn.Classify(new LocalDate(year, month, day)));
    }

    [Theory]
    [InlineData(2026, 2, 28, true)]
    [InlineData(2026, 2, 16, false)]
    [InlineData(2026, 9, 26, false)] // Sat, 中秋节
    [InlineData(2026, 9, 28, true)]
    [InlineData(2026, 3, 8, false)]
    public void IsWorkingDay_KnownDates_MatchesOfficialArrangement(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, Cn.IsWorkingDay(new LocalDate(year, month, day)));
    }

    [Fact]
    public void TryGetHoliday_DayInsideSpringFestival_ReturnsItsNameAndRange()
    {
        Assert.True(Cn.TryGetHoliday(new LocalDate(2026, 2, 17), out var holiday));
        Assert.Equal("春节", holiday.Name.Zh);
        Assert.Equal("Spring Festival", holiday.Name.En);
        Assert.Equal(new LocalDate(2026, 2, 15), holiday.From);
        Assert.Equal(new LocalDate(2026, 2, 23), holiday.To);
    }

    [Theory]
    [InlineData(2026, 2, 28)] // make-up workday
    [InlineData(2026, 3, 7)] // plain weekend
    [InlineData(2027, 10, 1)] // unpublished year
    public void TryGetHoliday_DayThatIsNoHoliday_ReturnsFalse(int year, int month, int day)
    {
        Assert.False(Cn.TryGetHoliday(new LocalDate(year, month, day), out var holiday));
        Assert.Null(holiday);
    }

    [Fact]
    public void PublishedYears_ShippedFile_Are2023To2026()
    {
        // Error 13: the seed is in force from 2023-05-01, so 2023 and 2024 are published too (HOLIDAYS.md).
        Assert.Equal([2023, 2024, 2025, 2026], Cn.PublishedYears);
        Assert.True(Cn.IsPublished(2026));
        Assert.False(Cn.IsPublished(2027));
        Assert.True(Cn.IsPublished(2024));
        Assert.False(Cn.IsPublished(2022));
    }

    [Fact]
    public void Properties_ShippedFile_HaveIdZoneAndTitle()
    {
        Assert.Equal("cn-mainland", Cn.Id);
        Assert.Equal("Asia/Shanghai", Cn.Zone.Id);
        Assert.Equal("中国大陆法定节假日", Cn.Title?.Zh);
    }

    [Fact]
    public void Years_ShippedFile_HoldEveryOfficialEntry()
    {
        var y2025 = Cn.Years[2];
        var y2026 = Cn.Years[3];
        Assert.Equal(6, y2025.Holidays.Count);
        Assert.Equal(7, y2026.Holidays.Count);
        Assert.Equal(
            [new LocalDate(2025, 1, 26), new LocalDate(2025, 2, 8), new LocalDate(2025, 4, 27), new LocalDate(2025, 9, 28), new LocalDate(2025, 10, 11)],
            y2025.MakeUpWorkdays);
        Assert.Equal(
            [new LocalDate(2026, 1, 4), new LocalDate(2026, 2, 14), new LocalDate(2026, 2, 28), new LocalDate(2026, 5, 9), new LocalDate(2026, 9, 20), new LocalDate(2026, 10, 10)],
            y2026.MakeUpWorkdays);
    }

    [Fact]
    public void Classify_Whole2026_CountsMatchOfficialTotals()
    {
        // 2026: 33 holiday days off (3+9+3+5+3+3+7), 6 make-up workdays.
        var counts = new Dictionary<DayKind, int>();
        for (var d = new LocalDate(2026, 1, 1); d.Year == 2026; d = d.PlusDays(1))
        {
            counts[Cn.Classify(d)] = counts.GetValueOrDefault(Cn.Classify(d)) + 1;
        }

        Assert.Equal(33, counts[DayKind.PublicHoliday]);
        Assert.Equal(6, counts[DayKind.MakeUpWorkday]);
        Assert.Equal(365, counts.Values.Sum());
    }
}
