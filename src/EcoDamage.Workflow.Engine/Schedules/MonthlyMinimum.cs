using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// A minimum number of items per calendar month (<c>monthly: { minimum: param.labourSessionsPerMonth, date: date }</c>):
/// each month's deadline falls due at the end of the month (Asia/Shanghai) and is met when that many items
/// dated in the month are recorded; the next month's opens when one closes (met or overdue).
/// </summary>
/// <param name="Minimum">A positive integer, or <c>param.NAME</c> of an integer parameter.</param>
/// <param name="DateMember">The date member that places an item in its month.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record MonthlyMinimum(Token Minimum, Token DateMember, SourcePosition Position);
