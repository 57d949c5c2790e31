using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// After an accepted fire whose trigger <c>meets:</c> a schedule: once every item is met, the engine fires the
/// schedule's <c>completed: { fire: … }</c> trigger as <see cref="Actor.System"/> (a follow-up of the fire).
/// </summary>
internal static class ScheduleCompletion
{
    public static void FireCompleted(WorkflowEngine engine, CompiledWorkflow workflow, FireRequest request, FireResult result)
    {
        if (workflow.Schedules.All.Count == 0
            || workflow.Triggers[request.Trigger].Definition.Meets is not { } meets
            || workflow.Schedules.ById[meets.Schedule.Text].Definition.Completed is not { } fire)
        {
            return;
        }

        var entry = ScheduleState.Find(result.Case.Schedules, workflow.Definition.Id, meets.Schedule.Text);
        if (entry is null || entry.Items.IsEmpty || !entry.Items.All(i => i.IsMet))
        {
            return;
        }

        var followUp = engine.Fire(result.Case, new FireRequest(fire.Text, Actor.System, request.At));
        result.AddFollowUp(followUp);
        if (followUp.Accepted)
        {
            result.Case = followUp.Case;
            result.To = followUp.Case.State;
        }
    }
}
