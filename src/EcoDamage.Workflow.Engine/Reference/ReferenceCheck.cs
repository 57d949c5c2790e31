using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>Refuses a value of a reference-checked field (<c>reference: LIST</c>) that is not an id of its list.</summary>
internal static class ReferenceCheck
{
    /// <summary>The refusal for <paramref name="value"/> of <paramref name="field"/>, or null when it is accepted.</summary>
    public static Refusal? Refuse(FieldDefinition field, object? value, ReferenceData reference) =>
        field.Reference is { } list && value is string id && !reference.Contains(list.Text, id)
            ? new Refusal(
                RefusalKind.InvalidData,
                $"'{id}' is not an id of the reference list '{list.Text}' (reference/organisation.yaml), so it cannot be '{field.Id}'",
                field.Id)
            : null;

    /// <summary>Adds a refusal for each input of a reference-checked field whose value is not in its list.</summary>
    public static void Check(
        IReadOnlyDictionary<string, FieldDefinition> fields, IReadOnlyDictionary<string, object?> inputs, ReferenceData reference, ref List<Refusal>? refusals)
    {
        if (inputs.Count == 0)
        {
            return;
        }

        foreach (var (key, value) in inputs)
        {
            if (fields.TryGetValue(key, out var field) && Refuse(field, value, reference) is { } refusal)
            {
                (refusals ??= []).Add(refusal);
            }
        }
    }
}
