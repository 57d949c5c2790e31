namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>What happens when the last day of a calendar-day or month period is not a working day.</summary>
public enum HolidayRule
{
    /// <summary>The period ends on its last day whatever kind of day it is.</summary>
    None,

    /// <summary>
    /// The usual rule of Chinese law: a last day that falls on a public holiday or weekend moves to
    /// the next working day (期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
    /// </summary>
    NextWorkingDay,
}
