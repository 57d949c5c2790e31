using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>The outcome of <see cref="HolidayCalendarLoader"/>: a calendar, or every problem found.</summary>
public sealed class CalendarLoadResult
{
    internal CalendarLoadResult(HolidayCalendar? calendar, IList<Problem> problems)
    {
        Calendar = problems.Count == 0 ? calendar : null;
        Problems = new ReadOnlyCollection<Problem>(problems);
    }

    /// <summary>The calendar when the file has no problems; otherwise <see langword="null"/>.</summary>
    public HolidayCalendar? Calendar { get; }

    /// <summary>All problems found, ordered by position; empty on success.</summary>
    public ReadOnlyCollection<Problem> Problems { get; }

    /// <summary>Whether the file loaded without problems (then <see cref="Calendar"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Calendar))]
    public bool Succeeded => Calendar is not null;
}
