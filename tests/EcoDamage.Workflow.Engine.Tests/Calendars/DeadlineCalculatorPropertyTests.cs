using CsCheck;
using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class DeadlineCalculatorPropertyTests
{
    private static readonly HolidayCalendar Cn = ShippedCalendar.Calendar;
    private static readonly LocalDate First = new(2025, 1, 1);

    [Fact]
    public void ComputeDue_AnyAnchorIn2025To2026_LastDayIsTheNthWorkingDay()
    {
        var calculator = new DeadlineCalculator(Cn);
        Gen.Select(Gen.Int[0, 729], Gen.Int[1, 400]).Sample((offset, n) =>
        {
            var anchor = First.PlusDays(offset);
            var due = calculator.ComputeDue(anchor, LegalPeriod.WorkingDays(n), HolidayRule.NextWorkingDay);

            Assert.True(Cn.IsWorkingDay(due.LastDay));
            var counted = 0;
            for (var d = anchor.PlusDays(1); d <= due.LastDay; d = d.PlusDays(1))
            {
                counted += Cn.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(n, counted);
            Assert.Equal(due.LastDay.Year > 2026, due.Provisional);
            Assert.Equal(Cn.Zone.AtStartOfDay(due.LastDay.PlusDays(1)).ToInstant(), due.Due);
        });
    }

    [Fact]
    public void ComputeDue_AnyCalendarDayPeriodWithRule_EndsOnFirstWorkingDayOnOrAfterPlainEnd()
    {
        var calculator = new DeadlineCalculator(Cn);
        Gen.Select(Gen.Int[0, 729], Gen.Int[1, 120]).Sample((offset, n) =>
        {
            var anchor = First.PlusDays(offset);
            var plainEnd = anchor.PlusDays(n);
            var due = calculator.ComputeDue(anchor, LegalPeriod.CalendarDays(n), HolidayRule.NextWorkingDay);

            Assert.True(Cn.IsWorkingDay(due.LastDay));
            Assert.Equal(plainEnd.PlusDays(due.MovedDays), due.LastDay);
            for (var d = plainEnd; d < due.LastDay; d = d.PlusDays(1))
            {
                Assert.False(Cn.IsWorkingDay(d));
            }
        });
    }

    [Fact]
    public void ComputeReminder_SamePeriodAsDue_ReturnsStartOfFirstWorkingDayAfterAnchor()
    {
        var calculator = new DeadlineCalculator(Cn);
        Gen.Select(Gen.Int[0, 700], Gen.Int[1, 30]).Sample((offset, n) =>
        {
            var anchor = First.PlusDays(offset);
            var period = LegalPeriod.WorkingDays(n);
            var due = calculator.ComputeDue(anchor, period, HolidayRule.None);

            var firstWorking = anchor.PlusDays(1);
            while (!Cn.IsWorkingDay(firstWorking))
            {
                firstWorking = firstWorking.PlusDays(1);
            }

            Assert.Equal(Cn.Zone.AtStartOfDay(firstWorking).ToInstant(), calculator.ComputeReminder(due.Due, period));
        });
    }
}
