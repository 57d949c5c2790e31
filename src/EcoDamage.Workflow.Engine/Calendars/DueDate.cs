using NodaTime;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>The result of a deadline computation by <see cref="DeadlineCalculator"/>.</summary>
/// <param name="Due">
/// The instant the period expires: the end of <paramref name="LastDay"/> (24:00), which is the start
/// of the following day in the calendar's zone.
/// </param>
/// <param name="LastDay">The last day of the period, after any move by the holiday rule.</param>
/// <param name="Provisional">
/// Whether the computation classified a day of a year the calendar has not published; such days are
/// counted as plain Monday to Friday weeks and the deadline should be recomputed once the year is added.
/// </param>
/// <param name="MovedDays">
/// How many days <see cref="HolidayRule.NextWorkingDay"/> moved the last day forward (0 when not moved,
/// and always 0 for working-day periods).
/// </param>
public readonly record struct DueDate(Instant Due, LocalDate LastDay, bool Provisional, int MovedDays);
