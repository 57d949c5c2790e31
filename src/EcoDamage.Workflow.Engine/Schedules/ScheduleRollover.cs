using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// The schedules' part of an overdue deadline (called once by <see cref="DeadlineEngine"/>): when a month of a
/// monthly minimum went overdue and its state is still active, the following month's deadline opens, counted
/// from the ticking instant.
/// </summary>
internal static class ScheduleRollover
{
    public static CaseInstance AfterOverdue(CompiledWorkflow workflow, CaseInstance @case, DeadlineInstance overdue, Instant now)
    {
        if (overdue.DefinitionId != workflow.Definition.Id
            || !workflow.Schedules.ById.TryGetValue(overdue.DeadlineId, out var schedule)
            || schedule.Minimum is null
            || !ScheduleDeadlines.StateActive(@case.Frames, workflow, schedule))
        {
            return @case;
        }

        var builder = new CaseBuilder(@case);
        ScheduleMonths.AfterOverdue(builder, workflow, schedule, overdue, now, FireResult.Begin(@case, string.Empty));
        return builder.Build() with { Version = @case.Version };
    }
}
