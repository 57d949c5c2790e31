using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// A request to extend a deadline (延长期限): either a further period counted from the current last day,
/// or a new last day. Exactly one of <paramref name="Period"/> and <paramref name="LastDay"/> is set.
/// </summary>
/// <param name="Period">A further period in the text form of <see cref="Calendars.LegalPeriod"/> (<c>15d</c>, <c>10wd</c>, <c>1m</c>).</param>
/// <param name="LastDay">The new last day.</param>
/// <param name="Reason">Why the extension is needed (recorded in the audit trail).</param>
public sealed record DeadlineExtension(string? Period, LocalDate? LastDay, string Reason)
{
    /// <summary>How far beyond the current last day the new one may lie.</summary>
    /// <value>One year by default.</value>
    public Period MaxExtension { get; init; } = NodaTime.Period.FromYears(1);
}
