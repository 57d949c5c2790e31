using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Routing;

/// <summary>WF013 for a table branch keyed (<c>by:</c>) by a field the definition using the table does not declare.</summary>
internal static class LookupRules
{
    public static void CheckFacts(ValidationRun run, FieldDefinition derived, LookupTable? table)
    {
        if (table is null)
        {
            return;
        }

        foreach (var fact in LookupResolver.Facts(table).Where(f => !run.Fields.ContainsKey(f.Text)))
        {
            run.Problems.Error(
                "WF013",
                $"table '{table.Id}' (lookup of '{derived.Id}') branches by '{fact.Text}', which is not a data field of this definition",
                derived.Lookup!.Table.Position);
        }
    }
}
