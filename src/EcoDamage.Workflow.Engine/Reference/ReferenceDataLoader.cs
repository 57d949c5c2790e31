using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>
/// Reads reference data (<c>workflows/reference/organisation.yaml</c>: <c>departments</c> and
/// <c>jurisdictions</c>, each a mapping of ids to <c>{ zh, en, duty? }</c>) through the engine's YAML stack,
/// reporting every problem with its position and a <see cref="ReferenceRuleIds"/> rule instead of throwing.
/// </summary>
public static class ReferenceDataLoader
{
    /// <summary>Loads reference data from YAML text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The path reported in problems.</param>
    /// <returns>The data, or every problem found.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReferenceDataLoadResult Load(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var problems = new ProblemList();
        var root = YamlNodeReader.Read(text, file, problems, YamlDialect.ReferenceData);
        if (root is null)
        {
            return new ReferenceDataLoadResult([], [], problems.Items);
        }

        if (root is not YMapping map)
        {
            problems.Error(ReferenceRuleIds.InvalidSection, "expected one mapping with 'departments' and 'jurisdictions'", new SourcePosition(file, 1, 1));
            return new ReferenceDataLoadResult([], [], problems.Items);
        }

        var departments = Entries(map, "departments", problems, withDuty: true);
        var jurisdictions = Parents(map, Entries(map, "jurisdictions", problems, withDuty: false), problems);
        var treasuries = Value(map, "treasuries") is null ? [] : Treasuries(map, jurisdictions, problems);
        return new ReferenceDataLoadResult(departments, jurisdictions, treasuries, problems.Items);
    }

    /// <summary>R4: a jurisdiction may name the one it lies within (<c>parent:</c>), an id of <c>jurisdictions</c>, without a cycle.</summary>
    private static List<ReferenceItem> Parents(YMapping root, List<ReferenceItem> jurisdictions, ProblemList problems)
    {
        if (Value(root, "jurisdictions") is not YMapping map)
        {
            return jurisdictions;
        }

        var known = jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = new List<ReferenceItem>();
        foreach (var item in jurisdictions)
        {
            var entry = map.Entries.First(e => string.Equals(e.Key.Value, item.Id, StringComparison.Ordinal));
            var parent = Text(entry.Value as YMapping, "parent");
            if (parent is not null && (!known.Contains(parent) || parent == item.Id))
            {
                problems.Error(
                    ReferenceRuleIds.InvalidEntry,
                    $"jurisdiction '{item.Id}' names 'parent: {parent}', which is not another id of 'jurisdictions'",
                    entry.Value.Position);
                parent = null;
            }

            if (parent is not null)
            {
                parents[item.Id] = parent;
            }

            list.Add(item with { Parent = parent });
        }

        foreach (var item in list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { item.Id };
            for (var at = item.Parent; at is not null; at = parents.GetValueOrDefault(at))
            {
                if (!seen.Add(at))
                {
                    problems.Error(ReferenceRuleIds.InvalidEntry, $"jurisdiction '{item.Id}' lies within itself through 'parent:'", map.Position);
                    break;
                }
            }
        }

        return list;
    }

    /// <summary>R27: each treasury names the jurisdiction it serves (an id of <c>jurisdictions</c>).</summary>
    private static List<ReferenceItem> Treasuries(YMapping root, List<ReferenceItem> jurisdictions, ProblemList problems)
    {
        var known = jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var list = new List<ReferenceItem>();
        var map = Value(root, "treasuries") as YMapping;
        foreach (var item in Entries(root, "treasuries", problems, withDuty: false))
        {
            var entry = map!.Entries.First(e => string.Equals(e.Key.Value, item.Id, StringComparison.Ordinal));
            var jurisdiction = Text(entry.Value as YMapping, "jurisdiction");
            if (jurisdiction is null || !known.Contains(jurisdiction))
            {
                problems.Error(
                    ReferenceRuleIds.InvalidEntry,
                    $"treasury '{item.Id}' needs 'jurisdiction:' naming one of 'jurisdictions' (not '{jurisdiction}')",
                    entry.Value.Position);
                continue;
            }

            list.Add(item with { Jurisdiction = jurisdiction });
        }

        return list;
    }

    private static List<ReferenceItem> Entries(YMapping root, string key, ProblemList problems, bool withDuty)
    {
        var list = new List<ReferenceItem>();
        if (Value(root, key) is not YMapping map)
        {
            problems.Error(ReferenceRuleIds.InvalidSection, $"'{key}' must be a mapping of ids to names", root.Position);
            return list;
        }

        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (idNode, value) in map.Entries)
        {
            var id = idNode.Value;
            if (!seen.TryAdd(id, idNode.Position))
            {
                problems.Error(ReferenceRuleIds.InvalidEntry, $"'{id}' appears twice in '{key}' (first on line {seen[id].Line})", idNode.Position);
                continue;
            }

            var fields = value as YMapping;
            var zh = Text(fields, "zh");
            var en = Text(fields, "en");
            if (string.IsNullOrWhiteSpace(id) || zh is null || en is null)
            {
                problems.Error(ReferenceRuleIds.InvalidEntry, $"'{id}' in '{key}' needs zh and en names", value.Position);
                continue;
            }

            list.Add(new ReferenceItem(id, zh, en, withDuty ? Text(fields, "duty") : null));
        }

        return list;
    }

    private static YNode? Value(YMapping? map, string key) =>
        map?.Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal))?.Value;

    private static string? Text(YMapping? map, string key) => Value(map, key) is YScalar s ? s.Value : null;
}
