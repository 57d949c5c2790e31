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
        var access = new List<KeyValuePair<string, RoleAccess>>();
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
                if (Access(em, entry.Key.Value, problems) is { } reach)
                {
                    access.Add(new(entry.Key.Value, reach));
                }

                em.Finish();
            }
        }

        m.Finish();
        return new RoleCatalog(roles, access);
    }

    /// <summary>
    /// A role's <c>scope:</c> (none, department, jurisdiction, party or all), <c>readOnly:</c> and <c>personalData:</c>;
    /// null (reaches nothing) without <c>scope:</c>.
    /// </summary>
    private static RoleAccess? Access(MappingReader role, string id, ProblemList problems)
    {
        var readOnly = role.OptionalBool("readOnly");
        var personalData = role.OptionalBool("personalData");
        if (role.OptionalToken("scope") is not { } scope)
        {
            return null;
        }

        if (scope.Text.Length == 0 || !Enum.TryParse<AccessScopeKind>(scope.Text, ignoreCase: true, out var kind) || !char.IsLower(scope.Text[0]) || int.TryParse(scope.Text, out _))
        {
            problems.Error("WF004", $"'scope' of role '{id}' must be none, department, jurisdiction, party or all (not '{scope.Text}')", scope.Position);
            return null;
        }

        return new RoleAccess(kind, readOnly, personalData);
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
