using System.Text.RegularExpressions;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Yaml;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>The outcome of reading a scenario file.</summary>
/// <param name="Scenario">The scenario, when it had no errors.</param>
/// <param name="Problems">Every problem, with file:line:col.</param>
public sealed record ScenarioReadResult(Scenario? Scenario, IReadOnlyList<Problem> Problems);

/// <summary>
/// Reads a scenario YAML file with the engine's own YAML reader, so every problem carries file:line:col
/// (WF001 syntax, WF002 missing key, WF003 unknown key, WF004 wrong shape, SC001 bad date or time,
/// SC002 bad duration, SC003 bad step).
/// </summary>
public static partial class ScenarioReader
{
    private const string DefaultRole = "handlingDepartment";

    private static readonly string[] StepKinds = ["fire", "advance", "until", "attach", "expect"];

    private static readonly LocalDateTimePattern[] DateTimePatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    ];

    /// <summary>Reads <paramref name="text"/>; <paramref name="path"/> is shown in problems.</summary>
    public static ScenarioReadResult Read(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new ProblemList();
        var root = YamlNodeReader.Read(text, path, problems);
        if (root is null)
        {
            return new ScenarioReadResult(null, problems.Items);
        }

        var map = new MappingReader(root, "the scenario", problems);
        var workflow = map.RequiredToken("workflow");
        var version = map.OptionalToken("version");
        var startToken = map.RequiredToken("start");
        var caseId = map.OptionalToken("case")?.Text ?? "CASE-1";
        var startedBy = map.OptionalToken("as") ?? new Token(DefaultRole, map.Position);
        var data = Values(map.Optional("data"), "data", problems);
        var steps = new List<ScenarioStep>();
        switch (map.Required("steps"))
        {
            case YSequence seq:
                foreach (var item in seq.Items)
                {
                    if (Step(item, problems) is { } step)
                    {
                        steps.Add(step);
                    }
                }

                break;
            case { } other:
                problems.Error("WF004", "'steps' must be a list of steps", other.Position);
                break;
        }

        map.Finish();
        var start = startToken is { } s ? DateTime(s, problems) : null;
        if (version is { } v && !SemanticVersion.TryParse(v.Text, out _))
        {
            problems.Error("WF004", $"'version' must be major.minor.patch, not '{v.Text}'", v.Position);
        }

        if (problems.HasErrors || workflow is null || start is null)
        {
            return new ScenarioReadResult(null, problems.Items);
        }

        return new ScenarioReadResult(
            new Scenario(path, workflow.Value, version, start.Value, caseId, startedBy, data, steps), problems.Items);
    }

    private static ScenarioStep? Step(YNode node, ProblemList problems)
    {
        var map = new MappingReader(node, "a step", problems);
        if (!map.IsValid)
        {
            return null;
        }

        var kinds = StepKinds
            .Where(k => map.Entries.Any(e => e.Key.Value == k)).ToList();
        if (kinds.Contains("fire"))
        {
            kinds.Remove("expect");
        }

        if (kinds.Count != 1)
        {
            problems.Error(
                "SC003",
                kinds.Count == 0
                    ? "a step must be one of fire, advance, until, attach or expect"
                    : $"a step must do one thing, not {string.Join(" and ", kinds)}",
                node.Position);
            return null;
        }

        ScenarioStep? step = kinds[0] switch
        {
            "fire" => Fire(map, problems),
            "advance" or "until" => Advance(map, problems),
            "attach" => Attach(map, problems),
            _ => Expect(map, problems),
        };
        map.Finish();
        return step;
    }

    private static FireStep? Fire(MappingReader map, ProblemList problems)
    {
        var trigger = map.RequiredToken("fire");
        var role = map.OptionalToken("as") ?? new Token(DefaultRole, map.Position);
        var actor = map.OptionalToken("actor")?.Text;
        var branch = map.OptionalToken("branch")?.Text;
        var data = Values(map.Optional("data"), "data", problems);
        var refused = false;
        if (map.OptionalToken("expect") is { } expect)
        {
            if (expect.Text is not ("accepted" or "refused"))
            {
                problems.Error("WF004", $"'expect' of a fire step must be accepted or refused, not '{expect.Text}'", expect.Position);
            }

            refused = expect.Text == "refused";
        }

        var department = map.OptionalToken("department")?.Text;
        var party = map.OptionalToken("party")?.Text;
        return trigger is { } t ? new FireStep(map.Position, t, role, actor, data, refused) { Branch = branch, Department = department, Party = party } : null;
    }

    private static AdvanceStep? Advance(MappingReader map, ProblemList problems)
    {
        var by = map.OptionalToken("advance");
        var until = map.OptionalToken("until");
        if (by is { } b)
        {
            var period = Duration(b, problems);
            return period is null ? null : new AdvanceStep(map.Position, period, null);
        }

        var to = DateTime(until!.Value, problems);
        return to is null ? null : new AdvanceStep(map.Position, null, to);
    }

    private static AttachStep? Attach(MappingReader map, ProblemList problems)
    {
        var document = map.RequiredToken("attach");
        LocalDate? servedOn = null;
        if (map.OptionalToken("servedOn") is { } served)
        {
            if (LocalDatePattern.Iso.Parse(served.Text) is { Success: true } parsed)
            {
                servedOn = parsed.Value;
            }
            else
            {
                problems.Error("SC001", $"'servedOn' must be a date yyyy-MM-dd, not '{served.Text}'", served.Position);
            }
        }

        var reference = map.OptionalToken("reference")?.Text;
        var role = map.OptionalToken("as") ?? new Token(DefaultRole, map.Position);
        return document is { } d ? new AttachStep(map.Position, d, servedOn, reference, role) : null;
    }

    private static ExpectStep? Expect(MappingReader map, ProblemList problems)
    {
        var node = map.Required("expect");
        if (node is null)
        {
            return null;
        }

        var expect = new MappingReader(node, "an expectation", problems);
        if (!expect.IsValid)
        {
            return null;
        }

        var state = expect.OptionalToken("state");
        bool? closed = expect.Optional("closed") is null ? null : expect.OptionalBool("closed");
        var supervised = expect.OptionalToken("supervisedBy");
        var data = Values(expect.Optional("data"), "data", problems);
        expect.Finish();
        if (state is null && closed is null && supervised is null && data.Count == 0)
        {
            problems.Error("SC003", "an expectation needs at least one of state, closed, supervisedBy or data", node.Position);
            return null;
        }

        return new ExpectStep(map.Position, state, closed, supervised, data);
    }

    private static List<ScenarioValue> Values(YNode? node, string what, ProblemList problems)
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

    private static LocalDateTime? DateTime(Token token, ProblemList problems)
    {
        foreach (var pattern in DateTimePatterns)
        {
            if (pattern.Parse(token.Text) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        if (LocalDatePattern.Iso.Parse(token.Text) is { Success: true } date)
        {
            return date.Value.AtMidnight();
        }

        problems.Error("SC001", $"'{token.Text}' is not a local date-time (yyyy-MM-ddTHH:mm or yyyy-MM-dd)", token.Position);
        return null;
    }

    private static Period? Duration(Token token, ProblemList problems)
    {
        var match = DurationPattern().Match(token.Text);
        if (!match.Success || token.Text.Length == 0)
        {
            problems.Error("SC002", $"'{token.Text}' is not a duration (e.g. 23d, 2w, 12h, 30min, 1d12h)", token.Position);
            return null;
        }

        var builder = new PeriodBuilder();
        foreach (var (group, set) in new (string, Action<long>)[]
        {
            ("w", n => builder.Weeks = (int)n), ("d", n => builder.Days = (int)n), ("h", n => builder.Hours = n), ("min", n => builder.Minutes = n),
        })
        {
            if (match.Groups[group].Success)
            {
                if (!long.TryParse(match.Groups[group].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 100_000)
                {
                    problems.Error("SC002", $"'{token.Text}' is too long a duration", token.Position);
                    return null;
                }

                set(n);
            }
        }

        return builder.Build();
    }

    [GeneratedRegex(@"^(?:(?<w>\d{1,6})w)?(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,7})h)?(?:(?<min>\d{1,8})min)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DurationPattern();
}
