using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Server.Apis;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>The schedules of a case as the API shows them.</summary>
internal static class ScheduleViews
{
    public static IReadOnlyList<ScheduleView> From(CaseInstance c) =>
        c.Schedules.Count == 0
            ? []
            : c.Schedules.Select(s => new ScheduleView(
                s.DefinitionId,
                s.ScheduleId,
                s.Items.Select(i => new ScheduleItemView(
                    i.Number,
                    i.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(
                        v => v.Key, v => v.Value is LocalDate date ? LocalDatePattern.Iso.Format(date) : v.Value, StringComparer.Ordinal),
                    i.Performed,
                    i.MetAt?.ToDateTimeOffset())).ToArray())).ToArray();
}
