using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>Reads a scenario's <c>field: value</c> mappings: single values, and lists of mappings as record lists.</summary>
internal static class ScenarioValueReader
{
    public static List<ScenarioValue> Values(YNode? node, string what, ProblemList problems)
    {
        var values = new List<ScenarioValue>();
        if (node is null)
        {
            return values;
        }

        if (node is not YMapping map)
        {
            problems.Error("WF004", $"'{what}' must be a mapping of field: value", node.Position);
            return values;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (!seen.Add(entry.Key.Value))
            {
                problems.Error("WF010", $"duplicate key '{entry.Key.Value}' in {what}", entry.Key.Position);
            }
            else if (entry.Value is YScalar scalar)
            {
                values.Add(new ScenarioValue(new Token(entry.Key.Value, entry.Key.Position), scalar.Value));
            }
            else if (entry.Value is YSequence sequence)
            {
                if (Records(sequence, what, problems) is { } records)
                {
                    values.Add(new ScenarioValue(new Token(entry.Key.Value, entry.Key.Position), string.Empty) { Records = records });
                }
            }
            else
            {
                problems.Error("WF004", $"value of '{entry.Key.Value}' in {what} must be a single value", entry.Value.Position);
            }
        }

        return values;
    }

    // A list of mappings of single values: the records of a trigger's record key (ledger entries, instalments…).
    private static Execution.RecordList? Records(YSequence sequence, string what, ProblemList problems)
    {
        var items = new List<IReadOnlyDictionary<string, object?>>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is not YMapping map || map.Entries.Any(e => e.Value is not YScalar))
            {
                problems.Error("WF004", $"a list in {what} must hold mappings of member: value", item.Position);
                return null;
            }

            var members = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var entry in map.Entries)
            {
                members[entry.Key.Value] = ((YScalar)entry.Value).Value;
            }

            items.Add(members);
        }

        return Execution.RecordList.From(items);
    }
}
