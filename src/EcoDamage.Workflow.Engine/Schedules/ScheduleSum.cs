using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// A data field derived from a schedule (<c>derived: { schedule: labourSessions, sum: value }</c>): the engine
/// keeps it equal to the sum of one numeric member over the schedule's items; no trigger sets it.
/// </summary>
/// <param name="Schedule">The schedule.</param>
/// <param name="Sum">The numeric member summed.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record ScheduleSum(Token Schedule, Token Sum, SourcePosition Position);
