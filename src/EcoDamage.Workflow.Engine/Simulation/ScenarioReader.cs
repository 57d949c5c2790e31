using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Yaml;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>
/// Reads a scenario YAML file with the engine's own YAML reader, so every problem carries file:line:col
/// (WF001 syntax, WF002 missing key, WF003 unknown key, WF004 wrong shape, SC001 bad date or time,
/// SC002 bad duration, SC003 bad step).
/// </summary>
public static class ScenarioReader
{
    private const string DefaultRole = "handlingDepartment";

    private static readonly string[] StepKinds = ["fire", "advance", "until", "attach", "expect"];


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
        var zh = map.OptionalToken("zh");
        var en = map.OptionalToken("en");
        var data = ScenarioValueReader.Values(map.Optional("data"), "data", problems);
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
        var start = startToken is { } s ? ScenarioTimeReader.DateTime(s, problems) : null;
        if (version is { } v && !SemanticVersion.TryParse(v.Text, out _))
        {
            problems.Error("WF004", $"'version' must be major.minor.patch, not '{v.Text}'", v.Position);
        }

        if (problems.HasErrors || workflow is null || start is null)
        {
            return new ScenarioReadResult(null, problems.Items);
        }

        return new ScenarioReadResult(
            new Scenario(path, workflow.Value, version, start.Value, caseId, startedBy, data, steps)
            {
                Title = zh is null && en is null ? null : new LocalizedText(zh?.Text ?? en!.Value.Text, en?.Text ?? zh!.Value.Text),
            },
            problems.Items);
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
        var data = ScenarioValueReader.Values(map.Optional("data"), "data", problems);
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
            var period = ScenarioTimeReader.Duration(b, problems);
            return period is null ? null : new AdvanceStep(map.Position, period, null);
        }

        var to = ScenarioTimeReader.DateTime(until!.Value, problems);
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
        var data = ScenarioValueReader.Values(expect.Optional("data"), "data", problems);
        expect.Finish();
        if (state is null && closed is null && supervised is null && data.Count == 0)
        {
            problems.Error("SC003", "an expectation needs at least one of state, closed, supervisedBy or data", node.Position);
            return null;
        }

        return new ExpectStep(map.Position, state, closed, supervised, data);
    }
}
