using NodaTime;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>One block of consecutive days off of a public holiday, both ends inclusive.</summary>
/// <param name="Name">The holiday's name.</param>
/// <param name="From">The first day off.</param>
/// <param name="To">The last day off (equal to <paramref name="From"/> for a one-day holiday).</param>
public sealed record HolidayPeriod(BilingualName Name, LocalDate From, LocalDate To)
{
    /// <summary>Whether <paramref name="date"/> lies within <see cref="From"/>..<see cref="To"/>.</summary>
    /// <param name="date">The date to test.</param>
    /// <returns><see langword="true"/> when the date is one of the days off.</returns>
    public bool Contains(LocalDate date) => date >= From && date <= To;
}
