using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>Reads the top level of a calendar file (<c>id</c>, <c>title</c>, <c>zone</c>, <c>years</c>).</summary>
internal static partial class CalendarDocumentReader
{
    /// <summary>The calendar, or null when any problem was reported (the YAML layer's included).</summary>
    public static HolidayCalendar? Read(YNode root, ProblemSink sink)
    {
        if (YamlMap.Open(root, "the calendar", sink) is not { } map)
        {
            return null;
        }

        map.CheckKeys("id", "title", "zone", "years");
        var id = ReadId(map, sink);
        var title = YamlMap.ReadName(map.Get("title", required: false), "the title", sink);
        var zone = ReadZone(map, sink);
        var years = ReadYears(map.Get("years", required: true), sink);
        return sink.Count == 0 && id is not null && zone is not null
            ? new HolidayCalendar(id, zone, years, title)
            : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    private static string? ReadId(YamlMap map, ProblemSink sink)
    {
        var id = map.Text("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            sink.Add(map.Get("id", required: false)!, CalendarRuleIds.InvalidField,
                $"The id '{id}' must be lower-case letters, digits and single hyphens, e.g. cn-mainland.");
            return null;
        }

        return id;
    }

    private static DateTimeZone? ReadZone(YamlMap map, ProblemSink sink)
    {
        var name = map.Text("zone", required: true);
        if (name is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(name);
        if (zone is null)
        {
            sink.Add(map.Get("zone", required: false)!, CalendarRuleIds.InvalidField,
                $"Unknown time zone '{name}'; expected a TZDB id such as Asia/Shanghai.");
        }

        return zone;
    }

    private static List<HolidayYear> ReadYears(YNode? node, ProblemSink sink)
    {
        var years = new List<HolidayYear>();
        if (node is null || YamlMap.Open(node, "years (a mapping from year to its holidays)", sink) is not { } map)
        {
            return years;
        }

        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Node.Entries)
        {
            var text = key.Value;
            if (!seen.TryAdd(text, key.Position))
            {
                sink.Add(key, CalendarRuleIds.DuplicateYear,
                    $"The year {text} is listed twice (first on line {seen[text].Line}); merge the two blocks.");
                continue;
            }

            if (!YearPattern().IsMatch(text) || text == "0000")
            {
                sink.Add(key, CalendarRuleIds.InvalidField, $"'{text}' is not a year; year keys are four-digit years such as 2026.");
                continue;
            }

            if (HolidayYearReader.Read(int.Parse(text, CultureInfo.InvariantCulture), value, sink) is { } year)
            {
                years.Add(year);
            }
        }

        return years;
    }
}
