using System.Collections.Immutable;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>The items of one schedule recorded on a case.</summary>
/// <param name="DefinitionId">The definition declaring the schedule.</param>
/// <param name="ScheduleId">The schedule id.</param>
/// <param name="Items">Items, oldest first.</param>
public sealed record CaseSchedule(string DefinitionId, string ScheduleId, ImmutableList<ScheduleItem> Items);
