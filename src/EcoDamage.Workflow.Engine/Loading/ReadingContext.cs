using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>
/// What the definition's readers share while reading one file: the problem list, and the readings every
/// part of a definition uses (id → entry mappings, requirements, the holiday rule).
/// </summary>
internal sealed class ReadingContext
{
    public ReadingContext(ProblemList problems) => Problems = problems;

    /// <summary>Where every reader reports what it finds wrong, in reading order.</summary>
    public ProblemList Problems { get; }

    /// <summary>Reads a mapping of id → element, in file order.</summary>
    public List<T> ReadMap<T>(YNode? node, string what, Func<YScalar, YNode, T?> read)
        where T : class
    {
        var list = new List<T>();
        if (node is null)
        {
            return list;
        }

        if (node is not YMapping map)
        {
            Problems.Error("WF004", $"'{what}' must be a mapping of ids to entries", node.Position);
            return list;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (!seen.Add(entry.Key.Value))
            {
                Problems.Error("WF010", $"duplicate id '{entry.Key.Value}' in {what}", entry.Key.Position);
                continue;
            }

            if (!DefinitionReader.IsIdentifier(entry.Key.Value))
            {
                Problems.Error(
                    "WF004",
                    $"'{entry.Key.Value}' in {what} is not a valid id (letters, digits and _ , starting with a letter)",
                    entry.Key.Position);
            }

            if (read(entry.Key, entry.Value) is { } item)
            {
                list.Add(item);
            }
        }

        return list;
    }

    public Requirements ReadRequirements(YNode? node, string owner)
    {
        if (node is null)
        {
            return Requirements.None;
        }

        var m = new MappingReader(node, $"'requires' of {owner}", Problems);
        var data = m.TokenList("data");
        var documents = m.TokenList("documents");
        m.Finish();
        return new Requirements(data, documents);
    }

    public HolidayRule? ReadHolidayRule(Token? token)
    {
        switch (token?.Text)
        {
            case null:
                return null;
            case "nextWorkingDay":
                return HolidayRule.NextWorkingDay;
            case "none":
                return HolidayRule.None;
            default:
                Problems.Error("WF004", $"holidayRule '{token.Value.Text}' must be 'nextWorkingDay' or 'none'", token.Value.Position);
                return null;
        }
    }
}
