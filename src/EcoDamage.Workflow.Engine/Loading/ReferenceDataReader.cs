using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>Reads <c>roles.yaml</c> and lookup tables (<c>tables/*.yaml</c>).</summary>
internal static class ReferenceDataReader
{
    public static RoleCatalog ReadRoles(string text, string file, ProblemList problems)
    {
        var roles = new List<KeyValuePair<string, LocalizedText>>();
        if (YamlNodeReader.Read(text, file, problems) is not { } root)
        {
            return new RoleCatalog(roles);
        }

        var m = new MappingReader(root, "the role catalog", problems);
        if (m.Required("roles") is { } rolesNode)
        {
            var rm = new MappingReader(rolesNode, "'roles'", problems);
            foreach (var entry in rm.Entries)
            {
                var em = new MappingReader(entry.Value, $"role '{entry.Key.Value}'", problems);
                roles.Add(new(entry.Key.Value, em.Names()));
                em.Finish();
            }
        }

        m.Finish();
        return new RoleCatalog(roles);
    }

    public static LookupTable? ReadTable(string text, string file, ProblemList problems)
    {
        if (YamlNodeReader.Read(text, file, problems) is not { } root)
        {
            return null;
        }

        var m = new MappingReader(root, "the table", problems);
        var id = m.RequiredToken("id");
        var names = m.Names();
        var implements = m.TokenList("implements");
        var defaultValue = m.OptionalToken("default")?.Text;
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var branches = new Dictionary<string, LookupTable>(StringComparer.Ordinal);
        if (m.Required("rows") is { } rowsNode)
        {
            var rm = new MappingReader(rowsNode, "'rows'", problems);
            foreach (var entry in rm.Entries)
            {
                if (entry.Value is YScalar value)
                {
                    rows[entry.Key.Value] = value.Value;
                }
                else if (entry.Value is YMapping)
                {
                    if (Routing.LookupBranchReader.Read(entry.Key.Value, entry.Value, problems) is { } branch)
                    {
                        branches[entry.Key.Value] = branch;
                    }
                }
                else
                {
                    problems.Error("WF004", $"row '{entry.Key.Value}' must map to a single value or a branch (by, rows)", entry.Value.Position);
                }
            }
        }

        m.Finish();
        return id is null ? null : new LookupTable(id.Value.Text, names, rows, defaultValue, implements) { Branches = branches };
    }
}
