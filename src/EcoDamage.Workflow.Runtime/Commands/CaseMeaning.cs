using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>
/// What a change means, read from the definitions its case runs: the event name of each outbox row (the start's,
/// a trigger's, a publish action's) and the case's listing columns. A sub-process's trigger is looked up in the
/// innermost running definition that declares it, so <c>CompleteRepair</c> is named by the repair definition.
/// </summary>
internal sealed class CaseMeaning
{
    private readonly CompiledWorkflow? _root;
    private readonly List<CompiledWorkflow> _innermostFirst = [];
    private readonly CaseInstance _after;

    public CaseMeaning(WorkflowCatalog catalog, CaseInstance before, CaseInstance after)
    {
        _after = after;
        // Branches of a multi-instance call run the innermost definitions (a phase's CompleteRepair is the repair's).
        var branches = after.Branches.Concat(before.Branches).SelectMany(b => b.Frames.Reverse());
        foreach (var frame in branches.Concat(after.Frames.Reverse()).Concat(before.Frames.IsDefault ? [] : before.Frames.Reverse()))
        {
            if (catalog.Find(frame.DefinitionId, frame.Version) is { } workflow && !_innermostFirst.Contains(workflow))
            {
                _innermostFirst.Add(workflow);
            }
        }

        _root = after.Frames.IsDefaultOrEmpty ? null : catalog.Find(after.Frames[0].DefinitionId, after.Frames[0].Version);
    }

    /// <summary>The event a start of the case is.</summary>
    public string Started => _root?.Events.Start ?? EventNaming.Started;

    /// <summary>The case's listing columns after the change.</summary>
    public CaseListing Listing => _root?.Definition.ListingOf(_after.Data) ?? CaseListing.None;

    /// <summary>The event a state change by <paramref name="trigger"/> is.</summary>
    public string StateChanged(string trigger)
    {
        foreach (var workflow in _innermostFirst)
        {
            if (workflow.Events.StateChange(trigger) is { } name)
            {
                return name;
            }
        }

        return EventNaming.StateChanged;
    }

    /// <summary>The event a performed action is: an escalation, a published event, or a request to a role.</summary>
    public string Action(PerformedAction action) => action.Kind switch
    {
        ActionKind.Escalate => OutboxMessageTypes.Escalated,
        ActionKind.Publish when action.Target.Length > 0 => Published(action.Target),
        _ => OutboxMessageTypes.ActionRequested,
    };

    private string Published(string target)
    {
        foreach (var workflow in _innermostFirst)
        {
            if (workflow.Events.Published(target) is { } name)
            {
                return name;
            }
        }

        return EventNaming.Published(target);
    }
}
