using NodaTime;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>Which active deadlines to list; every criterion given must hold.</summary>
/// <param name="Now">The instant "overdue" and "due within" are reckoned from.</param>
/// <param name="Department">The case's handling department.</param>
/// <param name="Jurisdiction">The case's jurisdiction.</param>
/// <param name="State">The state the deadline guards.</param>
/// <param name="DueWithinDays">Only deadlines not yet due that fall due within this many days of <paramref name="Now"/>.</param>
/// <param name="Overdue">True: only deadlines whose due instant has passed; false: only those not yet due.</param>
/// <param name="Page">Page number from 1.</param>
/// <param name="PageSize">Deadlines per page (clamped to 1…<see cref="IDeadlineDirectory.MaxPageSize"/>).</param>
public sealed record DeadlineFilter(
    Instant Now,
    string? Department = null,
    string? Jurisdiction = null,
    string? State = null,
    int? DueWithinDays = null,
    bool? Overdue = null,
    int Page = 1,
    int PageSize = 50)
{
    /// <summary>Which cases the caller reaches (the listing is cut to them in storage, counts included).</summary>
    /// <value><see cref="Access.AccessScope.Nothing"/> unless given: a listing never widens by default.</value>
    public Access.AccessScope Scope { get; init; } = Access.AccessScope.Nothing;
}
