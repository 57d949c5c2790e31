using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Compilation;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>The checks <see cref="WorkflowEngine.Fire"/> makes before the machine runs: routing, inputs, requirements.</summary>
internal static class FireChecks
{
    /// <summary>The data of a trigger fired without any.</summary>
    public static readonly IReadOnlyDictionary<string, object?> NoInputs = ImmutableDictionary<string, object?>.Empty;

    /// <summary>Shared result for a trigger fired without data; never written to.</summary>
    private static readonly Dictionary<string, object?> NoCoercedInputs = new(0, StringComparer.Ordinal);

    /// <summary>Shared result for a trigger fired without record lists; never written to.</summary>
    private static readonly Dictionary<string, RecordList> NoRecords = new(0, StringComparer.Ordinal);

    /// <summary>The innermost frame whose current state handles the trigger.</summary>
    public static int Route(WorkflowEngine engine, CaseInstance @case, string trigger, out CompiledWorkflow workflow, out CompiledTrigger compiled, out Refusal? refusal)
    {
        refusal = null;
        var known = false;
        for (var i = @case.Frames.Length - 1; i >= 0; i--)
        {
            workflow = engine.Workflow(@case.Frames[i]);
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
    /// type are kept as they are, and when all are, the caller's dictionary is used as it is. Values under the
    /// trigger's record keys (<see cref="Definitions.TriggerDefinition.RecordInputs"/>) are not data: they are handed
    /// out in <paramref name="records"/> for the constructs that declared them.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CoerceInputs(
        CompiledTrigger trigger, IReadOnlyDictionary<string, object?> data, ref List<Refusal>? refusals, out IReadOnlyDictionary<string, RecordList> records)
    {
        records = NoRecords;
        if (data.Count == 0)
        {
            return NoCoercedInputs;
        }

        var recordKeys = trigger.Definition.RecordInputs;
        Dictionary<string, object?>? converted = null;
        Dictionary<string, RecordList>? lists = null;
        foreach (var (key, raw) in data)
        {
            if (recordKeys.Count > 0 && recordKeys.ContainsKey(key))
            {
                if (raw is RecordList list)
                {
                    (lists ??= new(StringComparer.Ordinal))[key] = list;
                }
                else if (raw is not null)
                {
                    (refusals ??= []).Add(new Refusal(RefusalKind.InvalidData, $"'{key}' of trigger '{trigger.Id}' is a list of records, not a single value", key));
                }

                converted ??= new Dictionary<string, object?>(data, StringComparer.Ordinal);
                converted.Remove(key);
            }
            else if (raw is RecordList)
            {
                (refusals ??= []).Add(new Refusal(RefusalKind.InvalidData, $"'{key}' of trigger '{trigger.Id}' takes a single value, not a list of records", key));
            }
            else if (!trigger.Inputs.TryGetValue(key, out var field))
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

        if (lists is not null)
        {
            records = lists;
        }

        return converted ?? data;
    }

    /// <summary>Adds a refusal for each required data field or document the case lacks.</summary>
    public static void CheckRequirements(Definitions.Requirements requires, CaseEvaluationContext context, CaseInstance @case, ref List<Refusal>? refusals)
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
