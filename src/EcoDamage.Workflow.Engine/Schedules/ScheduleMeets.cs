using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// A trigger's <c>meets: { schedule: instalments, item: instalment, amount: instalmentPaid }</c>: its data names
/// the item it performs and, optionally, the amount performed, which accumulates on the item; the item is
/// met (and its deadline closed) when the amounts reach its <c>amount</c> member (at once without <c>amount</c>).
/// </summary>
/// <param name="Schedule">The schedule.</param>
/// <param name="Item">An integer input of the trigger holding the item's number (1-based).</param>
/// <param name="Amount">A money input of the trigger holding the amount performed; null: naming the item meets it.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record ScheduleMeets(Token Schedule, Token Item, Token? Amount, SourcePosition Position);
