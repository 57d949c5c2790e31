using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// Turns what a state machine did for one fired trigger into a new case: data, derived fields, exited and
/// entered states, deadlines, actions, frames and history; ends a sub-process whose frame reached a terminal state.
/// </summary>
/// <param name="engine">Resolves frames to workflows and fires the parent's trigger when a call ends.</param>
/// <param name="entry">Enters states.</param>
internal sealed class TransitionApplier(WorkflowEngine engine, StateEntry entry)
{
    /// <summary>Turns what the machine did into a new case: data, deadlines, actions, frames, history.</summary>
    public FireResult Apply(
        CaseInstance @case,
        FireRequest request,
        int frameIndex,
        CompiledWorkflow workflow,
        IReadOnlyDictionary<string, object?> inputs,
        IReadOnlyDictionary<string, RecordList> records,
        CaseEvaluationContext context,
        MachineContext run)
    {
        var transition = run.Selected!;
        var at = request.At;
        var builder = new CaseBuilder(@case);
        var result = FireResult.Begin(@case, request.Trigger);
        foreach (var (key, value) in inputs)
        {
            Set(builder, result, key, value);
        }

        if (transition.Assignments.Count > 0)
        {
            // Assignments see the trigger's data and the assignments before them.
            var current = new PendingEvaluationContext(builder, context.Today);
            foreach (var (field, expression) in transition.Assignments)
            {
                Set(builder, result, field, expression.Evaluate(current));
            }
        }

        foreach (var (key, list) in records)
        {
            result.SetChange(key, list); // recorded in the history and the audit diff; the constructs below keep them
        }

        // The constructs fed by record lists, one line each (their logic lives in their folders): collections (phases),
        // the ledger and the parties. Schedules record theirs once the states are entered (below): they open deadlines there.
        Instances.CollectionRecorder.Apply(builder, workflow, request.Trigger, records);
        Ledger.LedgerRecorder.Apply(builder, engine, workflow.Triggers[request.Trigger].Definition, request, records.GetValueOrDefault(Ledger.TriggerLedger.LedgerKey), records.GetValueOrDefault(Ledger.TriggerLedger.PartiesKey), result);

        Derive(workflow, builder, result);

        var frame = @case.Frames[frameIndex];
        var names = workflow.Symbols.States;
        var newState = names[run.State];
        foreach (var exitedId in run.Exited)
        {
            var exited = names[exitedId];
            var exitedState = workflow.States.Find(exited)!;
            if (exitedState.Call is not null)
            {
                DropFramesAbove(builder, frameIndex, at, result);
                Instances.BranchStarter.End(builder, frameIndex, exited, at, result);
            }

            builder.CloseDeadlines(frame.DefinitionId, exited, at, result);
            AddActions(result, exitedState.OnExit, "state:", exited, ":onExit");
            result.AddExited(exited);
        }

        AddActions(result, transition.Definition.Actions, transition.ActionSource, string.Empty, string.Empty);
        builder.Frames = builder.Frames.SetItem(frameIndex, frame with { State = newState });

        // Recorded before entering, so that a sub-process started on entry follows the transition that started it.
        builder.History = builder.History.Add(new HistoryEntry(
            at, transition.Target is null ? HistoryKind.Internal : HistoryKind.Transition, workflow.Key,
            frame.State, newState, request.Trigger, request.Actor.Id, request.Actor.Role, result.Changes));
        foreach (var entered in run.Entered)
        {
            entry.EnterState(builder, frameIndex, workflow, names[entered], at, result);
        }

        foreach (var deadline in transition.Deadlines)
        {
            // Taking the transition again restarts its deadline rather than running two side by side.
            builder.CloseDeadline(frame.DefinitionId, deadline.Definition.Id, at, result);
            DeadlineOpener.Open(builder, workflow, deadline, at, result);
        }

        // constructs: schedules (after entering, not at the line above: a schedule's deadlines open when its state is active)
        Schedules.ScheduleRecorder.Apply(builder, workflow, request, records, result);

        if (builder.Refusals.Count > 0)
        {
            return FireResult.Refused(@case, request.Trigger, builder.Refusals);
        }

        Finish(builder, result);
        Schedules.ScheduleCompletion.FireCompleted(engine, workflow, request, result);
        return frameIndex > 0 && workflow.States.Find(newState)!.Terminal ? CompleteCall(result, frameIndex, at) : result;
    }

    /// <summary>A sub-process ended: fire the mapped trigger in the parent frame.</summary>
    private FireResult CompleteCall(FireResult result, int childIndex, NodaTime.Instant at)
    {
        var child = result.Case.Frames[childIndex];
        var parent = result.Case.Frames[childIndex - 1];
        var call = engine.Workflow(parent).States.Find(parent.State)!.Call!;
        var outcome = call.Outcomes.First(o => o.ChildState.Text == child.State).ParentTrigger.Text;
        result.Case = result.Case with
        {
            History = result.Case.History.Add(new HistoryEntry(
                at, HistoryKind.CallEnded, child.DefinitionKey, child.State, parent.State, outcome, Actor.System.Id, Actor.System.Role,
                System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty)),
        };
        var followUp = engine.Fire(result.Case, new FireRequest(outcome, Actor.System, at));
        result.AddFollowUp(followUp);
        if (followUp.Accepted)
        {
            result.Case = followUp.Case;
            result.To = followUp.Case.State;
        }

        return result;
    }

    private static void Set(CaseBuilder builder, FireResult result, string field, object? value)
    {
        builder.SetData(field, value);
        result.SetChange(field, value);
    }

    /// <summary>Recomputes fields derived from lookup tables (e.g. the responsible department, R2).</summary>
    public static void Derive(CompiledWorkflow workflow, CaseBuilder builder, FireResult result)
    {
        foreach (var field in workflow.DerivedFields)
        {
            var table = workflow.Lookups[field.Id];
            if (!result.Changes.ContainsKey(field.Lookup!.Key.Text) && !Routing.LookupResolver.FactChanged(table, result.Changes))
            {
                continue; // derived values only move when their key (or a fact a branch of the table reads) does
            }

            var key = builder.TryGetData(field.Lookup!.Key.Text, out var k) ? k as string : null;
            var value = key is null ? null : Routing.LookupResolver.Resolve(
                table, key, f => builder.TryGetData(f, out var fact) ? Routing.LookupResolver.AsKey(fact) : null);
            var old = builder.TryGetData(field.Id, out var o) ? o : null;
            if (!Equals(old, value))
            {
                Set(builder, result, field.Id, value);
            }
        }
    }

    /// <summary>Records <paramref name="actions"/>; the source label (prefix + id + suffix) is only built when there are any.</summary>
    public static void AddActions(FireResult result, IReadOnlyList<ActionDefinition> actions, string prefix, string id, string suffix)
    {
        if (actions.Count == 0)
        {
            return;
        }

        var source = string.Concat(prefix, id, suffix);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            result.AddAction(new PerformedAction(a.Kind, a.Target.Text, source, a.Note));
        }
    }

    private void DropFramesAbove(CaseBuilder builder, int frameIndex, NodaTime.Instant at, FireResult result)
    {
        while (builder.Frames.Length > frameIndex + 1)
        {
            var child = builder.Frames[^1];
            var childWorkflow = engine.Workflow(child);
            foreach (var state in childWorkflow.States.SelfAndAncestors(childWorkflow.States.Find(child.State)!))
            {
                builder.CloseDeadlines(child.DefinitionId, state.Id, at, result);
            }

            builder.Frames = builder.Frames.RemoveAt(builder.Frames.Length - 1);
        }
    }

    /// <summary>Builds the changed case into <paramref name="result"/>.</summary>
    public static FireResult Finish(CaseBuilder builder, FireResult result)
    {
        result.Case = builder.Build();
        result.To = result.Case.State;
        return result;
    }
}
