using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Routing;

/// <summary>Reads a table row that is a branch: <c>{ by: FIELD, rows: { value: result | branch }, default: result }</c>.</summary>
internal static class LookupBranchReader
{
    public static LookupTable? Read(string row, YNode node, ProblemList problems)
    {
        var m = new MappingReader(node, $"row '{row}'", problems);
        var by = m.RequiredToken("by");
        var defaultValue = m.OptionalToken("default")?.Text;
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var branches = new Dictionary<string, LookupTable>(StringComparer.Ordinal);
        if (m.Required("rows") is { } rowsNode)
        {
            var rm = new MappingReader(rowsNode, $"'rows' of row '{row}'", problems);
            foreach (var entry in rm.Entries)
            {
                if (entry.Value is YScalar value)
                {
                    rows[entry.Key.Value] = value.Value;
                }
                else if (Read($"{row}/{entry.Key.Value}", entry.Value, problems) is { } branch)
                {
                    branches[entry.Key.Value] = branch;
                }
            }
        }

        m.Finish();
        return by is null
            ? null
            : new LookupTable(row, new LocalizedText(row, row), rows, defaultValue, []) { By = by, Branches = branches };
    }
}
