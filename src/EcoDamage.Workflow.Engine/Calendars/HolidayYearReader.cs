using System.Globalization;
using NodaTime;
using NodaTime.Text;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>Reads and checks one year block (<c>source</c>, <c>holidays</c>, <c>workdays</c>).</summary>
internal static class HolidayYearReader
{
    /// <summary>The year, or null when any problem was reported for it.</summary>
    public static HolidayYear? Read(int year, YNode node, ProblemSink sink)
    {
        var before = sink.Count;
        var what = string.Create(CultureInfo.InvariantCulture, $"year {year}");
        if (YamlMap.Open(node, what, sink) is not { } map)
        {
            return null;
        }

        map.CheckKeys("source", "holidays", "workdays");
        var source = map.Text("source", required: false);
        var holidays = ReadHolidays(year, map.Get("holidays", required: true), sink);
        var daysOff = CheckOverlaps(holidays, sink);
        var workdays = ReadWorkdays(year, map.Get("workdays", required: true), daysOff, sink);
        return sink.Count == before
            ? new HolidayYear(year, holidays.Select(h => h.Period), workdays, source)
            : null;
    }

    /// <summary>A date scalar checked to be valid (CAL003) and within <paramref name="year"/> (CAL004).</summary>
    public static LocalDate? ReadDate(YNode? node, int year, string what, ProblemSink sink)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YScalar scalar || YamlMap.IsEmpty(scalar))
        {
            sink.Add(node, CalendarRuleIds.InvalidField, $"Expected a date (yyyy-MM-dd) for the {what}.");
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(scalar.Value!);
        if (!parsed.Success)
        {
            sink.Add(node, CalendarRuleIds.InvalidDate,
                $"'{scalar.Value}' is not a valid date for the {what}; expected yyyy-MM-dd, e.g. 2026-02-14.");
            return null;
        }

        if (HolidayYearRules.CheckInYear(year, parsed.Value, what) is { } outside)
        {
            sink.Add(node, CalendarRuleIds.DateOutsideYear, outside);
            return null;
        }

        return parsed.Value;
    }

    private static YSequence? OpenList(YNode? node, string what, ProblemSink sink)
    {
        if (node is null or YSequence)
        {
            return node as YSequence;
        }

        sink.Add(node, CalendarRuleIds.InvalidField, $"Expected a list of {what} (write [] for none).");
        return null;
    }

    private static List<(HolidayPeriod Period, YNode Node)> ReadHolidays(int year, YNode? node, ProblemSink sink)
    {
        var result = new List<(HolidayPeriod, YNode)>();
        var list = OpenList(node, string.Create(CultureInfo.InvariantCulture, $"holidays for year {year}"), sink);
        for (var i = 0; list is not null && i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var what = string.Create(CultureInfo.InvariantCulture, $"holiday {i + 1} of year {year}");
            if (YamlMap.Open(item, what, sink) is not { } map)
            {
                continue;
            }

            map.CheckKeys("name", "from", "to");
            var name = YamlMap.ReadName(map.Get("name", required: true), "the name of " + what, sink);
            var from = ReadDate(map.Get("from", required: true), year, "holiday start", sink);
            var toNode = map.Get("to", required: true);
            var to = ReadDate(toNode, year, "holiday end", sink);
            if (from is not { } first || to is not { } last || name is null)
            {
                continue;
            }

            if (HolidayYearRules.CheckRange(first, last) is { } reversed)
            {
                sink.Add(toNode!, CalendarRuleIds.InvalidDate, reversed);
                continue;
            }

            result.Add((new HolidayPeriod(name, first, last), item));
        }

        return result;
    }

    private static Dictionary<LocalDate, HolidayPeriod> CheckOverlaps(
        List<(HolidayPeriod Period, YNode Node)> holidays, ProblemSink sink)
    {
        var daysOff = new Dictionary<LocalDate, HolidayPeriod>();
        foreach (var (period, node) in holidays)
        {
            for (var day = period.From; day <= period.To; day = day.PlusDays(1))
            {
                if (!daysOff.TryAdd(day, period))
                {
                    sink.Add(node, CalendarRuleIds.ConflictingDay,
                        HolidayYearRules.HolidaysOverlap(day, daysOff[day].Name, period.Name));
                    break;
                }
            }
        }

        return daysOff;
    }

    private static List<LocalDate> ReadWorkdays(
        int year, YNode? node, Dictionary<LocalDate, HolidayPeriod> daysOff, ProblemSink sink)
    {
        var result = new List<LocalDate>();
        var list = OpenList(node, string.Create(CultureInfo.InvariantCulture, $"make-up workdays for year {year}"), sink);
        foreach (var item in list?.Items ?? [])
        {
            if (ReadDate(item, year, "make-up workday", sink) is not { } day)
            {
                continue;
            }

            var conflict = HolidayYearRules.CheckMakeUpIsWeekend(day)
                ?? (daysOff.TryGetValue(day, out var holiday) ? HolidayYearRules.MakeUpInsideHoliday(day, holiday.Name) : null)
                ?? (result.Contains(day) ? HolidayYearRules.MakeUpListedTwice(day) : null);
            if (conflict is not null)
            {
                sink.Add(item, CalendarRuleIds.ConflictingDay, conflict);
                continue;
            }

            result.Add(day);
        }

        return result;
    }
}
