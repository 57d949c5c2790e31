namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>What kind of day a date is in a <see cref="HolidayCalendar"/>.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday to Friday working day.</summary>
    Workday,

    /// <summary>A Saturday or Sunday that is not a make-up working day.</summary>
    Weekend,

    /// <summary>A day off of an official public holiday (法定节假日), whatever its weekday.</summary>
    PublicHoliday,

    /// <summary>A Saturday or Sunday that is a working day in exchange for a holiday (调休上班).</summary>
    MakeUpWorkday,
}
