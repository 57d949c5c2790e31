using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>WF093: a field's <c>reference:</c> names a list reference data does not have, or is on a field that is not text.</summary>
internal static class ReferenceRules
{
    public static void Check(ValidationRun run)
    {
        foreach (var field in run.Definition.Fields)
        {
            if (field.Reference is not { } list)
            {
                continue;
            }

            if (!ReferenceData.ListNames.Contains(list.Text))
            {
                run.Unknown("WF093", "reference list", list, ReferenceData.ListNames);
            }
            else if (field.Type != DataType.Text || field.Lookup is not null)
            {
                run.Problems.Error("WF093", $"'reference: {list.Text}' needs a text field that is not derived ('{field.Id}' is {field.Type.ToString().ToLowerInvariant()}{(field.Lookup is null ? string.Empty : ", derived")})", list.Position);
            }
        }
    }
}
