using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;
using NodaTime.Text;
using static EcoDamage.Workflow.Engine.Tests.Calendars.DeadlineCalculatorWorkingDayTests;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class DeadlineCalculatorCalendarDayTests
{
    private readonly DeadlineCalculator calculator = ShippedCalendar.Calculator;

    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    [Fact]
    public void ComputeDue_ThirtyDaysFromMarch2_EndsApril1()
    {
        // Day 0 is Mon 2026-03-02; Mar 3 is day 1, Mar 31 day 29, Apr 1 (Wed, a working day) day 30.
        var due = calculator.ComputeDue(At("2026-03-02T09:30:00+08:00"), LegalPeriod.CalendarDays(30), HolidayRule.NextWorkingDay);

        Assert.Equal(new LocalDate(2026, 4, 1), due.LastDay);
        Assert.Equal(At("2026-04-02T00:00:00+08:00"), due.Due);
        Assert.Equal(0, due.MovedDays);
        Assert.False(due.Provisional);
    }

    [Theory]
    // Mon 2026-09-28 + 5 = Sat Oct 3 (National Day); Oct 4-7 off too, Thu Oct 8 is the first working day.
    [InlineData("2026-09-28", 5, "2026-10-08", 5)]
    // 2026-02-01 + 15 = Mon Feb 16 (Spring Festival, Feb 15-23 off); Tue Feb 24 is the first working day.
    [InlineData("2026-02-01", 15, "2026-02-24", 8)]
    // Mon 2026-03-02 + 5 = Sat Mar 7, a plain weekend; Mon Mar 9.
    [InlineData("2026-03-02", 5, "2026-03-09", 2)]
    // Thu 2026-02-12 + 2 = Sat Feb 14, a make-up working day: it stays.
    [InlineData("2026-02-12", 2, "2026-02-14", 0)]
    // 2025-09-23 + 10 = Fri Oct 3 (National Day 2025, Oct 1-8 off); Thu Oct 9.
    [InlineData("2025-09-23", 10, "2025-10-09", 6)]
    public void ComputeDue_NextWorkingDay_MovesOffDaysForward(string anchor, int days, string lastDay, int moved)
    {
        var due = calculator.ComputeDue(D(anchor), LegalPeriod.CalendarDays(days), HolidayRule.NextWorkingDay);

        Assert.Equal(D(lastDay), due.LastDay);
        Assert.Equal(At(lastDay + "T16:00:00Z"), due.Due);
        Assert.Equal(moved, due.MovedDays);
        Assert.False(due.Provisional);
    }

    [Fact]
    public void ComputeDue_RuleNone_KeepsLastDayInsideHoliday()
    {
        var due = calculator.ComputeDue(D("2026-09-28"), LegalPeriod.CalendarDays(5), HolidayRule.None);

        Assert.Equal(new LocalDate(2026, 10, 3), due.LastDay);
        Assert.Equal(At("2026-10-04T00:00:00+08:00"), due.Due);
        Assert.Equal(0, due.MovedDays);
    }

    [Fact]
    public void ComputeDue_MonthFromJanuary31_ClampsToFebruary28()
    {
        // 2026 is not a leap year. Feb 28 2026 is a Saturday but a make-up working day, so no move.
        var due = calculator.ComputeDue(D("2026-01-31"), LegalPeriod.Months(1), HolidayRule.NextWorkingDay);

        Assert.Equal(new LocalDate(2026, 2, 28), due.LastDay);
        Assert.Equal(At("2026-03-01T00:00:00+08:00"), due.Due);
        Assert.Equal(0, due.MovedDays);
    }

    [Fact]
    public void ComputeDue_MonthsEndingOnNationalDay_MovesToOctober8()
    {
        // 2026-08-01 + 2 months = Thu Oct 1 (off until Wed Oct 7) -> Thu Oct 8.
        var moved = calculator.ComputeDue(D("2026-08-01"), LegalPeriod.Months(2), HolidayRule.NextWorkingDay);
        var kept = calculator.ComputeDue(D("2026-08-01"), LegalPeriod.Months(2), HolidayRule.None);

        Assert.Equal(new LocalDate(2026, 10, 8), moved.LastDay);
        Assert.Equal(7, moved.MovedDays);
        Assert.Equal(new LocalDate(2026, 10, 1), kept.LastDay);
    }

    [Fact]
    public void ComputeDue_CalendarDaysClassifiedIn2027_IsProvisionalOnlyWithRule()
    {
        // 2026-12-25 + 10 = Mon 2027-01-04; the rule must classify a 2027 day, which is unpublished.
        var withRule = calculator.ComputeDue(D("2026-12-25"), LegalPeriod.CalendarDays(10), HolidayRule.NextWorkingDay);
        var withoutRule = calculator.ComputeDue(D("2026-12-25"), LegalPeriod.CalendarDays(10), HolidayRule.None);

        Assert.Equal(new LocalDate(2027, 1, 4), withRule.LastDay);
        Assert.True(withRule.Provisional);
        Assert.Equal(new LocalDate(2027, 1, 4), withoutRule.LastDay);
        Assert.False(withoutRule.Provisional);
    }

    [Fact]
    public void ComputeDue_UnknownRule_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            calculator.ComputeDue(D("2026-03-02"), LegalPeriod.CalendarDays(1), (HolidayRule)42));
    }
}
