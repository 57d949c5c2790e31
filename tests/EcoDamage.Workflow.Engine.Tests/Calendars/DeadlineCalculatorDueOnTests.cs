using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Calendars.DeadlineCalculatorWorkingDayTests;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

/// <summary>Deadlines on a given last day (a repair date set in an agreement).</summary>
public class DeadlineCalculatorDueOnTests
{
    private readonly DeadlineCalculator calculator = ShippedCalendar.Calculator;

    [Fact]
    public void DueOn_NationalDayWithNextWorkingDay_MovesToOctober8()
    {
        // 2026-10-01 (Thu) to 10-07 are days off; Thu 10-08 is the first working day.
        var due = calculator.DueOn(new LocalDate(2026, 10, 1), HolidayRule.NextWorkingDay);

        Assert.Equal(new LocalDate(2026, 10, 8), due.LastDay);
        Assert.Equal(At("2026-10-09T00:00:00+08:00"), due.Due);
        Assert.Equal(7, due.MovedDays);
        Assert.False(due.Provisional);
    }

    [Fact]
    public void DueOn_HolidayWithRuleNone_StaysAndIsNotProvisional()
    {
        var due = calculator.DueOn(new LocalDate(2026, 10, 1), HolidayRule.None);

        Assert.Equal(new LocalDate(2026, 10, 1), due.LastDay);
        Assert.Equal(At("2026-10-02T00:00:00+08:00"), due.Due);
        Assert.Equal(0, due.MovedDays);
    }

    [Fact]
    public void DueOn_SaturdayInUnpublishedYear_MovesToMondayProvisionally()
    {
        // 2027 is not published: Mon-Fri weeks, and the result says so.
        var due = calculator.DueOn(new LocalDate(2027, 3, 6), HolidayRule.NextWorkingDay);

        Assert.Equal(new LocalDate(2027, 3, 8), due.LastDay);
        Assert.True(due.Provisional);
    }
}
