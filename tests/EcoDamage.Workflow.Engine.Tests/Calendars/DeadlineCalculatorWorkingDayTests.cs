using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class DeadlineCalculatorWorkingDayTests
{
    private readonly DeadlineCalculator calculator = ShippedCalendar.Calculator;

    internal static Instant At(string offsetDateTime) =>
        OffsetDateTimePattern.ExtendedIso.Parse(offsetDateTime).GetValueOrThrow().ToInstant();

    [Fact]
    public void ComputeDue_FiveWorkingDaysAcrossSpringFestival2026_CountsMakeUpSaturday()
    {
        // Anchor Thu 2026-02-12: Fri 13 (1), Sat 14 make-up (2), 15-23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
        var due = calculator.ComputeDue(At("2026-02-12T10:00:00+08:00"), LegalPeriod.WorkingDays(5), HolidayRule.NextWorkingDay);

        Assert.Equal(new LocalDate(2026, 2, 26), due.LastDay);
        Assert.Equal(At("2026-02-27T00:00:00+08:00"), due.Due);
        Assert.False(due.Provisional);
        Assert.Equal(0, due.MovedDays);
    }

    [Fact]
    public void ComputeDue_AnchorLateUtcEvening_UsesShanghaiDate()
    {
        // 2026-02-11T20:00Z is 2026-02-12 04:00 in Shanghai, so the anchor day is Feb 12, as above.
        var due = calculator.ComputeDue(At("2026-02-11T20:00:00Z"), LegalPeriod.WorkingDays(5), HolidayRule.None);

        Assert.Equal(new LocalDate(2026, 2, 26), due.LastDay);
        Assert.Equal(At("2026-02-26T16:00:00Z"), due.Due);
    }

    [Theory]
    // National Day 2025: Oct 1-8 off, Sun Sep 28 and Sat Oct 11 worked.
    [InlineData("2025-09-26", 3, "2025-09-30")] // Sat 27 no, Sun 28 (1), Mon 29 (2), Tue 30 (3)
    [InlineData("2025-09-30", 2, "2025-10-10")] // Oct 1-8 off, Thu 9 (1), Fri 10 (2)
    [InlineData("2025-09-30", 3, "2025-10-11")] // ... Sat 11 make-up (3)
    // Mid-Autumn and National Day 2026: Sep 25-27 and Oct 1-7 off, Sun Sep 20 and Sat Oct 10 worked.
    [InlineData("2026-09-18", 2, "2026-09-21")] // Sat 19 no, Sun 20 (1), Mon 21 (2)
    [InlineData("2026-09-24", 1, "2026-09-28")] // Fri 25 - Sun 27 off, Mon 28 (1)
    [InlineData("2026-09-30", 3, "2026-10-10")] // Oct 1-7 off, Thu 8 (1), Fri 9 (2), Sat 10 (3)
    // Spring Festival 2025: Jan 28 - Feb 4 off, Sun Jan 26 and Sat Feb 8 worked.
    [InlineData("2025-01-24", 3, "2025-02-05")] // Sat 25 no, Sun 26 (1), Mon 27 (2), Wed Feb 5 (3)
    // New Year 2026: Jan 1-3 off, Sun Jan 4 worked.
    [InlineData("2025-12-31", 2, "2026-01-05")] // Jan 1-3 off, Sun 4 (1), Mon 5 (2)
    public void ComputeDue_WorkingDaysAroundHolidays_LandsOnHandCountedDay(string anchor, int days, string lastDay)
    {
        var due = calculator.ComputeDue(LocalDatePattern.Iso.Parse(anchor).Value, LegalPeriod.WorkingDays(days), HolidayRule.None);

        Assert.Equal(LocalDatePattern.Iso.Parse(lastDay).Value, due.LastDay);
        Assert.Equal(At(lastDay + "T16:00:00Z"), due.Due); // 24:00 of the last day in Shanghai
        Assert.False(due.Provisional);
    }

    [Fact]
    public void ComputeDue_WorkingDaysRunningInto2027_IsProvisional()
    {
        // Thu 2026-12-24: Fri 25 (1), Mon 28 (2), 29 (3), 30 (4), Thu 31 (5), Fri 2027-01-01 (6, unpublished),
        // Mon 4 (7), 5 (8), 6 (9), Thu 7 (10).
        var due = calculator.ComputeDue(new LocalDate(2026, 12, 24), LegalPeriod.WorkingDays(10), HolidayRule.None);

        Assert.Equal(new LocalDate(2027, 1, 7), due.LastDay);
        Assert.Equal(At("2027-01-08T00:00:00+08:00"), due.Due);
        Assert.True(due.Provisional);
    }

    [Fact]
    public void ComputeDue_WorkingDaysEndingWithin2026_IsNotProvisional()
    {
        // Thu 2026-12-24: Fri 25 (1), Mon 28 (2), 29 (3), 30 (4), Thu 31 (5).
        var due = calculator.ComputeDue(new LocalDate(2026, 12, 24), LegalPeriod.WorkingDays(5), HolidayRule.None);

        Assert.Equal(new LocalDate(2026, 12, 31), due.LastDay);
        Assert.Equal(At("2027-01-01T00:00:00+08:00"), due.Due);
        Assert.False(due.Provisional);
    }

    [Fact]
    public void ComputeDue_WorkingDaysAfterAddingYear_IsNoLongerProvisional()
    {
        var with2027 = ShippedCalendar.Calendar.WithYear(new HolidayYear(
            2027,
            [new HolidayPeriod(new BilingualName("元旦", "New Year's Day"), new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 3))],
            []));

        // As above but Fri 2027-01-01 is now off: Mon 4 (6), 5 (7), 6 (8), 7 (9), Fri 8 (10).
        var due = new DeadlineCalculator(with2027).ComputeDue(new LocalDate(2026, 12, 24), LegalPeriod.WorkingDays(10), HolidayRule.None);

        Assert.Equal(new LocalDate(2027, 1, 8), due.LastDay);
        Assert.False(due.Provisional);
    }

    [Fact]
    public void ComputeDue_DefaultPeriod_Throws()
    {
        Assert.Throws<ArgumentException>(() => calculator.ComputeDue(new LocalDate(2026, 1, 5), default, HolidayRule.None));
    }
}
