using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// After an accepted fire whose trigger <c>meets:</c> a schedule: once every item is met, the engine fires the
/// schedule's <c>completed: { fire: … }</c> trigger as <see cref="Actor.System"/> (a follow-up of the fire).
/// </summary>
internal static class ScheduleCompletion
{
    /// <summary>After an accepted fire of a <c>meets:</c> trigger: fires the schedule's completion trigger once every item is met.</summary>
    public static void FireCompleted(WorkflowEngine engine, CompiledWorkflow workflow, FireRequest request, FireResult result)
    {
        if (workflow.Schedules.All.Count > 0 && workflow.Triggers[request.Trigger].Definition.Meets is { } meets)
        {
            FireIfCompleted(engine, workflow, meets.Schedule.Text, request.At, result);
        }
    }

    /// <summary>
    /// Fires <paramref name="scheduleId"/>'s <c>completed</c> trigger when every item is met (also for a fire that
    /// performed an item through <see cref="ScheduleMeeting.Perform"/>, e.g. a ledger payment naming its instalment).
    /// </summary>
    public static void FireIfCompleted(WorkflowEngine engine, CompiledWorkflow workflow, string scheduleId, NodaTime.Instant at, FireResult result)
    {
        if (workflow.Schedules.ById[scheduleId].Definition.Completed is not { } fire)
        {
            return;
        }

        var entry = ScheduleState.Find(result.Case.Schedules, workflow.Definition.Id, scheduleId);
        if (entry is null || entry.Items.IsEmpty || !entry.Items.All(i => i.IsMet))
        {
            return;
        }

        var followUp = engine.Fire(result.Case, new FireRequest(fire.Text, Actor.System, at));
        result.AddFollowUp(followUp);
        if (followUp.Accepted)
        {
            result.Case = followUp.Case;
            result.To = followUp.Case.State;
        }
    }
}
