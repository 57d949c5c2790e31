using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// A schedule declared in a state's <c>schedules:</c>: items recorded by a trigger's record list of the same
/// id, each opening a deadline on its due date (instalments, R25), or a minimum number of items per calendar
/// month with a deadline at each month's end (labour compensation sessions, R24). Its deadlines run while
/// the declaring state is active.
/// </summary>
/// <param name="Id">Schedule id, also the record-list key that records its items; unique among the definition's deadlines and schedules.</param>
/// <param name="Name">Label.</param>
/// <param name="Members">The members of an item (<c>item: { due: date, amount: money }</c>), in file order.</param>
/// <param name="Deadline">
/// The deadline each item (or month) opens: reminders, remind role, holiday rule and overdue action; its
/// <see cref="DeadlineDefinition.Period"/> and <see cref="DeadlineDefinition.DueField"/> are null (the due date
/// is the item's <c>due</c> member or the month's last day).
/// </param>
/// <param name="Monthly">When set, a per-calendar-month minimum instead of a deadline per item.</param>
/// <param name="Completed">Trigger the engine fires (role <c>system</c>) once every item is met; null: none.</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record ScheduleDefinition(
    string Id,
    LocalizedText Name,
    IReadOnlyList<ScheduleMember> Members,
    DeadlineDefinition Deadline,
    MonthlyMinimum? Monthly,
    Token? Completed,
    IReadOnlyList<Token> Implements,
    SourcePosition Position)
{
    /// <summary>The member an item's deadline falls due on (<c>due</c>).</summary>
    public const string DueMember = "due";

    /// <summary>The member whose value a <c>meets:</c> amount is counted against (<c>amount</c>).</summary>
    public const string AmountMember = "amount";
}
