using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// A statutory or agreed period attached to a state (or to the transition that enters it). It opens
/// when the state is entered and closes when the state is left.
/// </summary>
/// <param name="Id">Deadline id.</param>
/// <param name="Name">Label.</param>
/// <param name="Period">Period text: <c>30d</c> calendar days, <c>15wd</c> working days, <c>3m</c> months; null when <paramref name="DueField"/> is used.</param>
/// <param name="DueField">A date field holding the last day (e.g. a repair date set in the agreement), instead of a period.</param>
/// <param name="Anchor">What the period counts from.</param>
/// <param name="HolidayRule">Overrides the definition's rule for calendar-day periods ending on a holiday.</param>
/// <param name="Reminders">Offsets before due at which reminders are sent (e.g. <c>7d</c>, <c>1d</c>).</param>
/// <param name="RemindRole">Who is reminded; null means the owner of the state.</param>
/// <param name="Overdue">What happens when it passes.</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record DeadlineDefinition(
    string Id,
    LocalizedText Name,
    Token? Period,
    Token? DueField,
    DeadlineAnchor Anchor,
    HolidayRule? HolidayRule,
    IReadOnlyList<Token> Reminders,
    Token? RemindRole,
    OverdueDefinition? Overdue,
    IReadOnlyList<Token> Implements,
    SourcePosition Position);
