using System.Globalization;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Periods;

/// <summary>
/// Holds a trigger or transition back until the statutory periods it names (<c>after:</c>) have run: the court's
/// notice period, the debtor's period, the consultation period. Whoever fires it, the system included, is refused
/// (<see cref="RefusalKind.PeriodNotElapsed"/>) with the period's names, its last day and the instant it ends.
/// </summary>
internal static class PeriodCheck
{
    private static readonly LocalDateTimePattern Minute = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    /// <summary>Adds a refusal for each period of <paramref name="after"/> that has not yet run at <paramref name="at"/>.</summary>
    /// <remarks>
    /// The latest instance of the deadline in the firing frame's definition counts. A period has run when the instant
    /// is at or past its due instant and it was not closed before then (a state left early interrupts it); a period
    /// never opened has not run either.
    /// </remarks>
    public static void Check(IReadOnlyList<Token> after, string trigger, CompiledWorkflow workflow, CaseInstance @case, Instant at, ref List<Refusal>? refusals)
    {
        for (var i = 0; i < after.Count; i++)
        {
            var id = after[i].Text;
            DeadlineInstance? latest = null;
            foreach (var d in @case.Deadlines)
            {
                if (d.DeadlineId == id && d.DefinitionId == workflow.Definition.Id && (latest is null || d.OpenedAt >= latest.OpenedAt))
                {
                    latest = d;
                }
            }

            var name = workflow.DeadlinesById.TryGetValue(id, out var compiled) ? compiled.Definition.Name : new LocalizedText(id, id);
            if (latest is null)
            {
                (refusals ??= []).Add(new Refusal(
                    RefusalKind.PeriodNotElapsed,
                    $"'{trigger}' must wait for the period {name.Zh} ({name.En}), which has not begun",
                    id));
            }
            else if (at < latest.Due || latest.ClosedAt is { } closed && closed < latest.Due)
            {
                var zone = workflow.Calculator.Calendar.Zone;
                var due = Minute.Format(latest.Due.InZone(zone).LocalDateTime);
                var lastDay = latest.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var how = latest.ClosedAt is { } c && c < latest.Due ? "was interrupted before it ran" : "has not yet run";
                (refusals ??= []).Add(new Refusal(
                    RefusalKind.PeriodNotElapsed,
                    $"'{trigger}' cannot cut short the period {name.Zh} ({name.En}): it {how}; its last day is {lastDay} and it ends at {due} ({zone.Id})",
                    id));
            }
        }
    }
}
