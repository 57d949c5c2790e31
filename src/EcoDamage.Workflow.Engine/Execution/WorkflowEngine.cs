using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Periods;
using EcoDamage.Workflow.Engine.Reference;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// The pure lifecycle engine: starts cases, attaches documents and fires triggers over immutable
/// <see cref="CaseInstance"/>s (due deadlines and extensions are <see cref="DeadlineEngine"/>'s). No I/O, no
/// clock: every instant comes in as an argument. Thread-safe.
/// </summary>
public sealed class WorkflowEngine
{
    // Frames are resolved on every fire (closed check, routing, the firing frame); a tuple key avoids
    // formatting "id@version" for each lookup. The catalog is immutable, so this never goes stale.
    private readonly Dictionary<(string Id, SemanticVersion Version), CompiledWorkflow> _byFrame;
    private readonly StateEntry _entry;
    private readonly TransitionApplier _transitions;
    private readonly Instances.BranchRouter _branches;

    /// <summary>Creates an engine over <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The compiled workflows, calendars and tables.</param>
    public WorkflowEngine(WorkflowCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        _byFrame = catalog.Workflows.ToDictionary(w => (w.Definition.Id, w.Definition.Version));
        _entry = new StateEntry(catalog);
        _transitions = new TransitionApplier(this, _entry);
        _branches = new Instances.BranchRouter(this);
    }

    /// <summary>The catalog the engine runs.</summary>
    public WorkflowCatalog Catalog { get; }

    /// <summary>Starts a case on <paramref name="definitionId"/> (a pinned version, or the newest in force at <paramref name="at"/>).</summary>
    public FireResult Start(
        string definitionId,
        SemanticVersion? version,
        string caseId,
        Actor actor,
        Instant at,
        IReadOnlyDictionary<string, object?>? data = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var empty = new CaseInstance(
            caseId, 0, [], CaseData.Empty,
            ImmutableDictionary<string, CaseDocument>.Empty, [], [], []);
        var workflow = version is { } v
            ? Catalog.Find(definitionId, v)
            : Catalog.FindInForce(definitionId, at.InZone(ZoneFor(Catalog.Latest(definitionId))).Date);
        if (workflow is null)
        {
            return FireResult.Refused(empty, "start", new Refusal(
                RefusalKind.DefinitionNotFound,
                $"no version of workflow '{definitionId}'{(version is null ? " is in force on that date" : $" has version {version}")}",
                definitionId));
        }

        var builder = new CaseBuilder(empty);
        var result = FireResult.Begin(empty with { Frames = [new CaseFrame(workflow.Definition.Id, workflow.Definition.Version, workflow.Definition.Initial.Text)] }, "start");
        var start = workflow.Definition.Start;
        if (start is not null && !start.Roles.Any(r => r.Text == actor.Role))
        {
            builder.Refusals.Add(new Refusal(
                RefusalKind.RoleNotAllowed,
                $"role '{actor.Role}' may not start a case on '{workflow.Key}' (allowed: {string.Join(", ", start.Roles)})",
                actor.Role));
        }

        foreach (var (key, raw) in data ?? ImmutableDictionary<string, object?>.Empty)
        {
            if (!workflow.Fields.TryGetValue(key, out var field) || field.IsDerived
                || (start is not null && !start.Inputs.Any(i => i.Text == key)))
            {
                builder.Refusals.Add(new Refusal(RefusalKind.InvalidData, $"'{key}' is not a data field of '{workflow.Key}' that can be set at start", key));
            }
            else if (!DataCoercion.TryCoerce(field, raw, out var value, out var error))
            {
                builder.Refusals.Add(new Refusal(RefusalKind.InvalidData, error!, key));
            }
            else if (ReferenceCheck.Refuse(field, value, Catalog.Reference) is { } notListed)
            {
                builder.Refusals.Add(notListed);
            }
            else if (value is not null)
            {
                builder.SetData(key, value);
                result.SetChange(key, value);
            }
        }

        foreach (var required in start?.Requires.Data ?? [])
        {
            if (!builder.TryGetData(required.Text, out _))
            {
                builder.Refusals.Add(new Refusal(RefusalKind.MissingData, $"data field '{required.Text}' is required to start a case", required.Text));
            }
        }

        TransitionApplier.Derive(workflow, builder, result);
        builder.Frames = builder.Frames.Add(new CaseFrame(workflow.Definition.Id, workflow.Definition.Version, workflow.Definition.Initial.Text));
        _entry.EnterFrame(builder, 0, workflow, at, result);
        if (builder.Refusals.Count > 0)
        {
            return FireResult.Refused(empty, "start", builder.Refusals);
        }

        builder.History = builder.History.Add(new HistoryEntry(
            at, HistoryKind.Started, workflow.Key, string.Empty, builder.Frames[^1].State, null, actor.Id, actor.Role, result.Changes));
        return TransitionApplier.Finish(builder, result);
    }

    /// <summary>
    /// Attaches a document as <see cref="AttachDocument"/> does, after checking that the actor's role may attach that
    /// kind (<see cref="DocumentAttachRule"/>, issue 13): the path of every command from a caller. A refused attach is
    /// <see cref="RefusalKind.AttachNotAllowed"/> and changes nothing. (Simulations attach unchecked: a scenario is a what-if.)
    /// </summary>
    public FireResult AttachDocumentAsCaller(CaseInstance @case, string type, LocalDate servedOn, string? reference, Actor actor, Instant at)
    {
        CaseGuard.RequireStarted(@case);
        ArgumentNullException.ThrowIfNull(actor);
        var running = @case.Frames.Concat(@case.Branches.SelectMany(b => b.Frames)).Select(f => Workflow(f).Definition).Distinct();
        var known = running.Any(d => d.Documents.Any(x => x.Id == type));
        return !known || DocumentAttachRule.Allows(running, type, actor.Role)
            ? AttachDocument(@case, type, servedOn, reference, actor, at)
            : FireResult.Refused(@case, $"attach:{type}", new Refusal(
                RefusalKind.AttachNotAllowed, $"role '{actor.Role}' may not attach a '{type}': it fires no trigger requiring it", type));
    }

    /// <summary>Attaches a document (it may satisfy requirements and anchor deadlines).</summary>
    public FireResult AttachDocument(CaseInstance @case, string type, LocalDate servedOn, string? reference, Actor actor, Instant at)
    {
        CaseGuard.RequireStarted(@case);
        ArgumentNullException.ThrowIfNull(actor);
        var trigger = $"attach:{type}";
        if (!@case.Frames.Concat(@case.Branches.SelectMany(b => b.Frames)).Any(f => Workflow(f).Definition.Documents.Any(d => d.Id == type)))
        {
            return FireResult.Refused(@case, trigger, new Refusal(RefusalKind.InvalidData, $"'{type}' is not a document type of this case's workflows", type));
        }

        var updated = @case with
        {
            Version = @case.Version + 1,
            Documents = @case.Documents.SetItem(type, new CaseDocument(type, servedOn, reference, at)),
            History = @case.History.Add(new HistoryEntry(
                at, HistoryKind.DocumentAttached, @case.Frames[^1].DefinitionKey, @case.State, @case.State, trigger, actor.Id, actor.Role,
                ImmutableDictionary<string, object?>.Empty)),
        };
        var result = FireResult.Begin(@case, trigger);
        result.Case = updated;
        return result;
    }

    /// <summary>
    /// Fires a trigger. Checks, in order: the case is open, a current state handles the trigger, the
    /// actor's role, the supplied data, required data and documents, then the guards (run by Stateless).
    /// A refusal lists every reason found and leaves the case unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The case was never started (a refused <see cref="Start"/>'s empty case).</exception>
    public FireResult Fire(CaseInstance @case, FireRequest request)
    {
        CaseGuard.RequireStarted(@case);
        ArgumentNullException.ThrowIfNull(request);
        if (IsClosed(@case))
        {
            return FireResult.Refused(@case, request.Trigger, new Refusal(RefusalKind.CaseClosed, $"case '{@case.Id}' is closed ({@case.State})"));
        }

        if (_branches.TryFire(@case, request, out var branched))
        {
            return branched;
        }

        var frameIndex = FireChecks.Route(this, @case, request.Trigger, out var workflow, out var trigger, out var routeRefusal);
        if (routeRefusal is not null)
        {
            return FireResult.Refused(@case, request.Trigger, routeRefusal);
        }

        var frame = @case.Frames[frameIndex];
        List<Refusal>? refusals = null;
        if (!trigger.Allows(request.Actor.Role))
        {
            (refusals ??= []).Add(new Refusal(
                RefusalKind.RoleNotAllowed,
                $"role '{request.Actor.Role}' may not fire '{trigger.Id}' (allowed: {string.Join(", ", trigger.Definition.Roles)})",
                request.Actor.Role));
        }

        var inputs = FireChecks.CoerceInputs(trigger, request.Data ?? FireChecks.NoInputs, ref refusals, out var records);
        ReferenceCheck.Check(trigger.Inputs, inputs, Catalog.Reference, ref refusals);
        var context = new CaseEvaluationContext(@case.Data, inputs, request.At.InZone(workflow.Calculator.Calendar.Zone).Date);
        FireChecks.CheckRequirements(trigger.Definition.Requires, context, @case, ref refusals);
        PeriodCheck.Check(trigger.Definition.After, trigger.Id, workflow, @case, request.At, ref refusals);
        if (refusals is not null)
        {
            return FireResult.Refused(@case, request.Trigger, refusals);
        }

        var lease = workflow.Rent();
        MachineContext run;
        try
        {
            lease.Context.Reset(workflow.Symbols.State(frame.State), context);
            lease.Machine.Fire(workflow.Symbols.Trigger(request.Trigger));
            run = lease.Context;
            if (run.Unhandled)
            {
                var unmet = run.UnmetGuards is { Count: > 0 } u ? string.Join("; ", u) : "no transition applies";
                return FireResult.Refused(@case, request.Trigger, new Refusal(
                    RefusalKind.GuardFailed, $"'{trigger.Id}' is not possible in '{frame.State}' with this data: guard not met: {unmet}", unmet));
            }

            FireChecks.CheckRequirements(run.Selected!.Definition.Requires, context, @case, ref refusals);
            PeriodCheck.Check(run.Selected!.Definition.After, trigger.Id, workflow, @case, request.At, ref refusals);
            if (refusals is not null)
            {
                return FireResult.Refused(@case, request.Trigger, refusals);
            }

            return _transitions.Apply(@case, request, frameIndex, workflow, inputs, records, context, run);
        }
        finally
        {
            workflow.Return(lease);
        }
    }

    /// <summary>Triggers the current states handle that <paramref name="role"/> may fire, innermost frame first.</summary>
    public IReadOnlyList<TriggerDefinition> PermittedTriggers(CaseInstance @case, string role)
    {
        CaseGuard.RequireStarted(@case);
        var result = new List<TriggerDefinition>();
        for (var i = @case.Frames.Length - 1; i >= 0; i--)
        {
            var workflow = Workflow(@case.Frames[i]);
            result.AddRange(workflow.TriggersHandledIn(@case.Frames[i].State)
                .Select(t => workflow.Triggers[t])
                .Where(t => t.Allows(role) && !result.Any(r => r.Id == t.Id))
                .Select(t => t.Definition));
        }

        return result;
    }

    /// <summary>
    /// For each running branch of a multi-instance call (<see cref="CaseInstance.Branches"/>): its states and the
    /// triggers they handle that <paramref name="role"/> may fire (fire them with <see cref="FireRequest.Branch"/>).
    /// </summary>
    public IReadOnlyList<Instances.BranchTriggers> PermittedInBranches(CaseInstance @case, string role)
    {
        CaseGuard.RequireStarted(@case);
        return _branches.Permitted(@case, role).Select(p => new Instances.BranchTriggers(
            p.Branch, @case.Branches.First(b => b.Key == p.Branch).States, p.Triggers)).ToArray();
    }

    /// <summary>True when the root frame is in a terminal state.</summary>
    public bool IsClosed(CaseInstance @case)
    {
        CaseGuard.RequireStarted(@case);
        var root = Workflow(@case.Frames[0]);
        return root.States.Find(@case.Frames[0].State)?.Terminal == true;
    }

    /// <summary>The compiled workflow a frame of a case runs.</summary>
    /// <exception cref="InvalidOperationException">The catalog does not hold the frame's version.</exception>
    internal CompiledWorkflow Workflow(CaseFrame frame) =>
        _byFrame.GetValueOrDefault((frame.DefinitionId, frame.Version))
        ?? throw new InvalidOperationException($"case references '{frame.DefinitionKey}', which the catalog does not hold");

    private static DateTimeZone ZoneFor(CompiledWorkflow? workflow) =>
        workflow?.Calculator.Calendar.Zone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
}
