using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>Reads the fields of one calendar mapping, reporting missing, unknown and repeated ones.</summary>
internal sealed class YamlMap
{
    private readonly YMapping node;
    private readonly string what;
    private readonly ProblemSink sink;

    private YamlMap(YMapping node, string what, ProblemSink sink)
    {
        this.node = node;
        this.what = what;
        this.sink = sink;
    }

    public YMapping Node => node;

    /// <summary>The mapping, or null after reporting that <paramref name="node"/> is not one.</summary>
    public static YamlMap? Open(YNode node, string what, ProblemSink sink)
    {
        if (node is YMapping mapping)
        {
            return new YamlMap(mapping, what, sink);
        }

        sink.Add(node, CalendarRuleIds.InvalidField, $"Expected a mapping of fields for {what}.");
        return null;
    }

    public static bool IsEmpty(YScalar scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.IsPlain && scalar.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>Reads a <c>{ zh, en }</c> name; null when absent (and not required) or invalid.</summary>
    public static BilingualName? ReadName(YNode? node, string what, ProblemSink sink)
    {
        if (node is null || Open(node, what, sink) is not { } map)
        {
            return null;
        }

        map.CheckKeys("zh", "en");
        var zh = map.Text("zh", required: true);
        var en = map.Text("en", required: true);
        return zh is null || en is null ? null : new BilingualName(zh, en);
    }

    /// <summary>Reports keys that are repeated or not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(params string[] allowed)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (key, _) in node.Entries)
        {
            var name = key.Value;
            if (!seen.TryAdd(name, key.Position))
            {
                sink.Add(key, CalendarRuleIds.MalformedYaml,
                    $"The field '{name}' appears twice in {what} (first on line {seen[name].Line}).");
            }
            else if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                sink.Add(key, CalendarRuleIds.InvalidField,
                    $"Unknown field '{name}' in {what}; expected {string.Join(", ", allowed)}.");
            }
        }
    }

    /// <summary>The value of a field (its first occurrence); null when absent (reported when required).</summary>
    public YNode? Get(string key, bool required)
    {
        foreach (var (k, value) in node.Entries)
        {
            if (string.Equals(k.Value, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        if (required)
        {
            sink.Add(node, CalendarRuleIds.InvalidField, $"Missing field '{key}' in {what}.");
        }

        return null;
    }

    /// <summary>The non-empty text of a field; null when absent or invalid (reported).</summary>
    public string? Text(string key, bool required)
    {
        var value = Get(key, required);
        switch (value)
        {
            case null:
                return null;
            case YScalar scalar when !IsEmpty(scalar):
                return scalar.Value;
            case YScalar:
                sink.Add(value, CalendarRuleIds.InvalidField, $"The field '{key}' of {what} is empty.");
                return null;
            default:
                sink.Add(value, CalendarRuleIds.InvalidField, $"The field '{key}' of {what} must be a single value.");
                return null;
        }
    }
}
