using EcoDamage.Workflow.Engine.Calendars;
using static EcoDamage.Workflow.Engine.Tests.Calendars.DeadlineCalculatorWorkingDayTests;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class DeadlineCalculatorReminderTests
{
    private readonly DeadlineCalculator calculator = ShippedCalendar.Calculator;

    [Fact]
    public void ComputeReminder_TwoWorkingDays_LeavesExactlyTwoWorkingDays()
    {
        // Due Fri 2026-02-27 00:00: the two working days left are Wed 25 and Thu 26.
        var reminder = calculator.ComputeReminder(At("2026-02-27T00:00:00+08:00"), LegalPeriod.WorkingDays(2));

        Assert.Equal(At("2026-02-25T00:00:00+08:00"), reminder);
    }

    [Fact]
    public void ComputeReminder_WorkingDaysAcrossSpringFestival_SkipsHolidayAndCountsMakeUpDay()
    {
        // Back from Fri 2026-02-27: Thu 26 (1), Wed 25 (2), Tue 24 (3), Feb 23-15 off, Sat 14 make-up (4).
        var reminder = calculator.ComputeReminder(At("2026-02-27T00:00:00+08:00"), LegalPeriod.WorkingDays(4));

        Assert.Equal(At("2026-02-14T00:00:00+08:00"), reminder);
    }

    [Fact]
    public void ComputeReminder_CalendarDays_GoesBackOnLocalClock()
    {
        var reminder = calculator.ComputeReminder(At("2026-10-09T00:00:00+08:00"), LegalPeriod.CalendarDays(3));

        Assert.Equal(At("2026-10-06T00:00:00+08:00"), reminder);
    }

    [Fact]
    public void ComputeReminder_Month_ClampsToShorterMonth()
    {
        var reminder = calculator.ComputeReminder(At("2026-03-31T00:00:00+08:00"), LegalPeriod.Months(1));

        Assert.Equal(At("2026-02-28T00:00:00+08:00"), reminder);
    }

    [Fact]
    public void ComputeReminder_WholeWorkingDayPeriod_ReturnsStartOfFirstCountedDay()
    {
        // 5 working days from Thu 2026-02-12 end at 2026-02-27 00:00; going back 5 reaches Fri Feb 13.
        var due = calculator.ComputeDue(At("2026-02-12T10:00:00+08:00"), LegalPeriod.WorkingDays(5), HolidayRule.None);

        var reminder = calculator.ComputeReminder(due.Due, LegalPeriod.WorkingDays(5));

        Assert.Equal(At("2026-02-13T00:00:00+08:00"), reminder);
    }

    [Fact]
    public void ComputeReminder_DefaultPeriod_Throws()
    {
        Assert.Throws<ArgumentException>(() => calculator.ComputeReminder(At("2026-03-31T00:00:00+08:00"), default));
    }
}
