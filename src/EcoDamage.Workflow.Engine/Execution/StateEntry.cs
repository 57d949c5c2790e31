using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// Enters states on a case being changed: opens their deadlines, records their entry actions and starts
/// the sub-process a calling state names (a new frame, entered down its initial chain).
/// </summary>
/// <param name="catalog">Where called workflows are found.</param>
internal sealed class StateEntry(WorkflowCatalog catalog)
{
    /// <summary>Enters a new frame's initial state chain (case start, or a call starting).</summary>
    public void EnterFrame(CaseBuilder builder, int frameIndex, CompiledWorkflow workflow, Instant at, FireResult result)
    {
        var chain = new List<StateDefinition>();
        for (StateDefinition? s = workflow.States.Find(workflow.Definition.Initial.Text); s is not null;)
        {
            chain.Add(s);
            s = s.Initial is { } i ? workflow.States.Find(i.Text) : null;
        }

        builder.Frames = builder.Frames.SetItem(frameIndex, builder.Frames[frameIndex] with { State = chain[^1].Id });
        foreach (var state in chain)
        {
            EnterState(builder, frameIndex, workflow, state.Id, at, result);
        }
    }

    /// <summary>Enters one state of <paramref name="frameIndex"/>'s workflow.</summary>
    public void EnterState(CaseBuilder builder, int frameIndex, CompiledWorkflow workflow, string stateId, Instant at, FireResult result)
    {
        var state = workflow.States.Find(stateId)!;
        result.AddEntered(stateId);
        var deadlines = workflow.DeadlinesByState[stateId];
        for (var i = 0; i < deadlines.Count; i++)
        {
            DeadlineOpener.Open(builder, workflow, deadlines[i], at, result);
        }

        TransitionApplier.AddActions(result, state.OnEntry, "state:", stateId, ":onEntry");
        if (state.Call is not { } call)
        {
            return;
        }

        var date = at.InZone(workflow.Calculator.Calendar.Zone).Date;
        var callee = call.Version is { } v && SemanticVersion.TryParse(v.Text, out var pinned)
            ? catalog.Find(call.Workflow.Text, pinned)
            : catalog.FindInForce(call.Workflow.Text, date) ?? catalog.Latest(call.Workflow.Text);
        if (callee is null)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.DefinitionNotFound, $"state '{stateId}' calls '{call.Workflow.Text}', which has no version in force", call.Workflow.Text));
            return;
        }

        if (Instances.BranchStarter.Start(this, builder, frameIndex, stateId, call, callee, at, result))
        {
            return;
        }

        builder.Frames = builder.Frames.Add(new CaseFrame(callee.Definition.Id, callee.Definition.Version, callee.Definition.Initial.Text));
        builder.History = builder.History.Add(new HistoryEntry(
            at, HistoryKind.CallStarted, callee.Key, stateId, callee.Definition.Initial.Text, null, Actor.System.Id, Actor.System.Role,
            ImmutableDictionary<string, object?>.Empty));
        EnterFrame(builder, builder.Frames.Length - 1, callee, at, result);
    }
}
