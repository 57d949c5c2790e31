using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Compilation;

namespace EcoDamage.Workflow.Engine.Execution;

public sealed partial class WorkflowEngine
{
    private static readonly IReadOnlyDictionary<string, object?> NoInputs = ImmutableDictionary<string, object?>.Empty;

    /// <summary>Shared result for a trigger fired without data; never written to.</summary>
    private static readonly Dictionary<string, object?> NoCoercedInputs = new(0, StringComparer.Ordinal);

    /// <summary>
    /// Fires a trigger. Checks, in order: the case is open, a current state handles the trigger, the
    /// actor's role, the supplied data, required data and documents, then the guards (run by Stateless).
    /// A refusal lists every reason found and leaves the case unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The case was never started (a refused <see cref="Start"/>'s empty case).</exception>
    public FireResult Fire(CaseInstance @case, FireRequest request)
    {
        RequireStarted(@case);
        ArgumentNullException.ThrowIfNull(request);
        if (IsClosed(@case))
        {
            return FireResult.Refused(@case, request.Trigger, new Refusal(RefusalKind.CaseClosed, $"case '{@case.Id}' is closed ({@case.State})"));
        }

        var frameIndex = Route(@case, request.Trigger, out var workflow, out var trigger, out var routeRefusal);
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

        var inputs = CoerceInputs(trigger, request.Data ?? NoInputs, ref refusals);
        var context = new CaseEvaluationContext(@case.Data, inputs, request.At.InZone(workflow.Calculator.Calendar.Zone).Date);
        CheckRequirements(trigger.Definition.Requires, context, @case, ref refusals);
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

            CheckRequirements(run.Selected!.Definition.Requires, context, @case, ref refusals);
            if (refusals is not null)
            {
                return FireResult.Refused(@case, request.Trigger, refusals);
            }

            return Apply(@case, request, frameIndex, workflow, inputs, context, run);
        }
        finally
        {
            workflow.Return(lease);
        }
    }

    /// <summary>The innermost frame whose current state handles the trigger.</summary>
    private int Route(CaseInstance @case, string trigger, out CompiledWorkflow workflow, out CompiledTrigger compiled, out Refusal? refusal)
    {
        refusal = null;
        var known = false;
        for (var i = @case.Frames.Length - 1; i >= 0; i--)
        {
            workflow = Workflow(@case.Frames[i]);
            if (!workflow.Triggers.TryGetValue(trigger, out compiled!))
            {
                continue;
            }

            known = true;
            if (workflow.Handles(@case.Frames[i].State, trigger))
            {
                return i;
            }
        }

        workflow = null!;
        compiled = null!;

        refusal = known
            ? new Refusal(RefusalKind.NotPermittedInState, $"'{trigger}' is not permitted in state {string.Join(" / ", @case.States)}", trigger)
            : new Refusal(RefusalKind.UnknownTrigger, $"no workflow of this case has a trigger '{trigger}'", trigger);
        return -1;
    }

    /// <summary>
    /// Checks the trigger's data against its declared inputs. Values already of the field's runtime
    /// type are kept as they are, and when all are, the caller's dictionary is used as it is.
    /// </summary>
    private static IReadOnlyDictionary<string, object?> CoerceInputs(CompiledTrigger trigger, IReadOnlyDictionary<string, object?> data, ref List<Refusal>? refusals)
    {
        if (data.Count == 0)
        {
            return NoCoercedInputs;
        }

        Dictionary<string, object?>? converted = null;
        foreach (var (key, raw) in data)
        {
            if (!trigger.Inputs.TryGetValue(key, out var field))
            {
                (refusals ??= []).Add(new Refusal(RefusalKind.InvalidData, $"'{key}' is not an input of trigger '{trigger.Id}'", key));
            }
            else if (!DataCoercion.TryCoerce(field, raw, out var value, out var error))
            {
                (refusals ??= []).Add(new Refusal(RefusalKind.InvalidData, error!, key));
            }
            else if (!ReferenceEquals(value, raw))
            {
                converted ??= new Dictionary<string, object?>(data, StringComparer.Ordinal);
                converted[key] = value;
            }
        }

        return converted ?? data;
    }

    private static void CheckRequirements(Definitions.Requirements requires, CaseEvaluationContext context, CaseInstance @case, ref List<Refusal>? refusals)
    {
        for (var i = 0; i < requires.Data.Count; i++)
        {
            var field = requires.Data[i];
            if (!context.TryGetValue(field.Text, out _))
            {
                (refusals ??= []).Add(new Refusal(RefusalKind.MissingData, $"data field '{field.Text}' is required", field.Text));
            }
        }

        for (var i = 0; i < requires.Documents.Count; i++)
        {
            var doc = requires.Documents[i];
            if (!@case.Documents.ContainsKey(doc.Text))
            {
                (refusals ??= []).Add(new Refusal(RefusalKind.MissingDocument, $"document '{doc.Text}' must be attached first", doc.Text));
            }
        }
    }
}
