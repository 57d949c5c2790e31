namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>The unit of a <see cref="LegalPeriod"/>.</summary>
public enum PeriodUnit
{
    /// <summary>Calendar days (日), text suffix <c>d</c>.</summary>
    CalendarDays,

    /// <summary>Working days (工作日), text suffix <c>wd</c>.</summary>
    WorkingDays,

    /// <summary>Calendar months (月), text suffix <c>m</c>.</summary>
    Months,
}
