using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>
/// The outcome of a multi-instance call once every branch has ended: the outcomes are checked in the order
/// written, <c>any</c> when at least one branch ended in its state, <c>all</c> (the default) when every branch
/// did; the first that holds fires its trigger in the parent as <see cref="Actor.System"/>.
/// </summary>
internal static class BranchOutcome
{
    /// <summary>Fires the parent's outcome trigger into <paramref name="result"/> when <paramref name="ended"/> was the last running branch of its call.</summary>
    public static void Complete(WorkflowEngine engine, BranchRouter router, FireResult result, CaseBranch ended, Instant at)
    {
        var @case = result.Case;
        var siblings = @case.Branches.Where(b => b.ParentFrame == ended.ParentFrame && b.CallingState == ended.CallingState).ToList();
        if (!siblings.TrueForAll(router.Ended))
        {
            return;
        }

        var parent = @case.Frames[ended.ParentFrame];
        var call = engine.Workflow(parent).States.Find(ended.CallingState)!.Call!;
        var endStates = siblings.Select(b => b.Frames[0].State).ToList();
        var outcome = call.Outcomes.FirstOrDefault(o => o.When == OutcomeRule.Any
            ? endStates.Contains(o.ChildState.Text)
            : endStates.TrueForAll(s => s == o.ChildState.Text));
        if (outcome is null)
        {
            return; // validation (WF124) makes the outcomes cover every mix; a stale definition leaves the parent waiting
        }

        var trigger = outcome.ParentTrigger.Text;
        var summary = ImmutableDictionary<string, object?>.Empty.AddRange(
            siblings.Select(b => new KeyValuePair<string, object?>(b.Key, b.Frames[0].State)));
        @case = @case with
        {
            History = @case.History.Add(new HistoryEntry(
                at, HistoryKind.CallEnded, ended.Frames[0].DefinitionKey, ended.Frames[0].State, parent.State, trigger,
                Actor.System.Id, Actor.System.Role, summary)),
        };
        result.Case = @case;
        var followUp = engine.Fire(@case, new FireRequest(trigger, Actor.System, at));
        result.AddFollowUp(followUp);
        if (followUp.Accepted)
        {
            result.Case = followUp.Case;
            result.To = followUp.Case.State;
        }
    }
}
