using System.Collections.Immutable;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>Finds and replaces one schedule's items among a case's <see cref="CaseSchedule"/>s.</summary>
internal static class ScheduleState
{
    public static CaseSchedule? Find(ImmutableList<CaseSchedule> schedules, string definitionId, string scheduleId) =>
        schedules.FirstOrDefault(s => s.DefinitionId == definitionId && s.ScheduleId == scheduleId);

    public static ImmutableList<CaseSchedule> With(ImmutableList<CaseSchedule> schedules, CaseSchedule updated)
    {
        var old = Find(schedules, updated.DefinitionId, updated.ScheduleId);
        return old is null ? schedules.Add(updated) : schedules.Replace(old, updated);
    }
}
