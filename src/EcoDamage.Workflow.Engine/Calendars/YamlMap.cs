using YamlDotNet.RepresentationModel;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>Reads the fields of one YAML mapping, reporting missing, unknown and repeated ones.</summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode node;
    private readonly string what;
    private readonly ProblemSink sink;

    private YamlMap(YamlMappingNode node, string what, ProblemSink sink)
    {
        this.node = node;
        this.what = what;
        this.sink = sink;
    }

    public YamlMappingNode Node => node;

    /// <summary>The mapping, or null after reporting that <paramref name="node"/> is not one.</summary>
    public static YamlMap? Open(YamlNode node, string what, ProblemSink sink)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, what, sink);
        }

        sink.Add(node, CalendarRuleIds.InvalidField, $"Expected a mapping of fields for {what}.");
        return null;
    }

    public static bool IsEmpty(YamlScalarNode scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>Reads a <c>{ zh, en }</c> name; null when absent (and not required) or invalid.</summary>
    public static BilingualName? ReadName(YamlNode? node, string what, ProblemSink sink)
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

    /// <summary>Reports keys that are not plain names, repeated or not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(params string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                sink.Add(key, CalendarRuleIds.InvalidField, $"A key of {what} is not a plain field name.");
            }
            else if (sink.Guard.TryGetDuplicate(name, out var original, out var first))
            {
                sink.Add(key, CalendarRuleIds.MalformedYaml,
                    $"The field '{original}' appears twice in {what} (first on line {first.Line}).");
            }
            else if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                sink.Add(key, CalendarRuleIds.InvalidField,
                    $"Unknown field '{name}' in {what}; expected {string.Join(", ", allowed)}.");
            }
        }
    }

    /// <summary>The value of a field; null when absent (reported when required).</summary>
    public YamlNode? Get(string key, bool required)
    {
        foreach (var (k, value) in node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
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
            case YamlScalarNode scalar when !IsEmpty(scalar):
                return scalar.Value;
            case YamlScalarNode:
                sink.Add(value, CalendarRuleIds.InvalidField, $"The field '{key}' of {what} is empty.");
                return null;
            default:
                sink.Add(value, CalendarRuleIds.InvalidField, $"The field '{key}' of {what} must be a single value.");
                return null;
        }
    }
}
