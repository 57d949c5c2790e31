namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>The rule identifiers of the <see cref="Diagnostics.Problem"/>s reported by <see cref="HolidayCalendarLoader"/>.</summary>
public static class CalendarRuleIds
{
    /// <summary>CAL001: the file cannot be read or is not well-formed YAML (syntax error, duplicate key).</summary>
    public const string MalformedYaml = "CAL001";

    /// <summary>CAL002: a field is missing, unknown, of the wrong shape or has an invalid value.</summary>
    public const string InvalidField = "CAL002";

    /// <summary>CAL003: a date is not a valid yyyy-MM-dd date, or a holiday ends before it starts.</summary>
    public const string InvalidDate = "CAL003";

    /// <summary>CAL004: a date lies outside the year it is listed under.</summary>
    public const string DateOutsideYear = "CAL004";

    /// <summary>
    /// CAL005: a make-up workday that is not a Saturday or Sunday, lies inside a holiday or is listed
    /// twice, or two holidays that overlap.
    /// </summary>
    public const string ConflictingDay = "CAL005";

    /// <summary>CAL006: a year is listed twice.</summary>
    public const string DuplicateYear = "CAL006";
}
