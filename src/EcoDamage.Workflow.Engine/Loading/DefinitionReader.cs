using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>
/// Turns a YAML or JSON definition into a <see cref="WorkflowDefinition"/>, reporting every shape
/// problem (missing, unknown or malformed keys) with its position. Semantic checks (references,
/// reachability, guards) are the <see cref="Validation.DefinitionValidator"/>'s.
/// </summary>
internal sealed partial class DefinitionReader
{
    private readonly ProblemList _problems;

    private DefinitionReader(ProblemList problems) => _problems = problems;

    /// <summary>Reads <paramref name="text"/>; returns null when the file could not be read at all.</summary>
    public static WorkflowDefinition? Read(string text, string file, ProblemList problems)
    {
        var root = YamlNodeReader.Read(text, file, problems);
        return root is null ? null : new DefinitionReader(problems).ReadRoot(root);
    }

    private WorkflowDefinition? ReadRoot(YNode root)
    {
        var m = new MappingReader(root, "the definition", _problems);
        if (!m.IsValid)
        {
            return null;
        }

        m.Optional("$schema");
        var id = m.RequiredToken("id");
        var versionToken = m.RequiredToken("version");
        var title = m.Names();
        var effectiveNode = m.Required("effective");
        var effective = ReadEffective(effectiveNode);
        var implements = m.TokenList("implements");
        var calendar = m.RequiredToken("calendar");
        var holidayRule = ReadHolidayRule(m.OptionalToken("holidayRule")) ?? HolidayRule.NextWorkingDay;
        var parameters = ReadMap(m.Optional("parameters"), "parameters", ReadParameter);
        var fields = ReadMap(m.Optional("data"), "data", ReadField);
        var documents = ReadMap(m.Optional("documents"), "documents", ReadDocument);
        var triggers = ReadMap(m.Optional("triggers"), "triggers", ReadTrigger);
        var start = m.Optional("start") is { } startNode ? ReadStart(startNode) : null;
        var initial = m.RequiredToken("initial");
        var states = ReadMap(m.Required("states"), "states", ReadState);
        var listing = m.Optional("listing") is { } listingNode ? ReadListing(listingNode) : null;
        var intake = m.Optional("intake") is { } intakeNode ? ReadIntake(intakeNode) : null;
        m.Finish();

        var version = default(SemanticVersion);
        if (versionToken is { } v && !SemanticVersion.TryParse(v.Text, out version))
        {
            _problems.Error("WF004", $"version '{v.Text}' is not a semantic version such as 1.0.0", v.Position);
        }

        if (id is null || versionToken is null || effective is null || calendar is null || initial is null)
        {
            return null;
        }

        return new WorkflowDefinition(
            id.Value.Text, version, title, effective, implements, calendar.Value, holidayRule,
            parameters, fields, documents, triggers, initial.Value, states, root.Position)
        {
            VersionPosition = versionToken.Value.Position,
            EffectivePosition = effectiveNode?.Position,
            Start = start,
            Listing = listing,
            Intake = intake,
        };
    }

    private StartDefinition ReadStart(YNode node)
    {
        var m = new MappingReader(node, "'start'", _problems);
        var roles = m.TokenList("roles");
        var inputs = m.TokenList("inputs");
        var requires = ReadRequirements(m.Optional("requires"), "'start'");
        var e = m.OptionalToken("event");
        m.Finish();
        return new StartDefinition(roles, inputs, requires, node.Position) { Event = e };
    }

    private ListingDefinition ReadListing(YNode node)
    {
        var m = new MappingReader(node, "'listing'", _problems);
        var listing = new ListingDefinition(m.TokenList("channel"), m.TokenList("domain"), m.TokenList("jurisdiction"), m.TokenList("department"), node.Position);
        m.Finish();
        return listing;
    }

    private IntakeDefinition ReadIntake(YNode node)
    {
        var m = new MappingReader(node, "'intake'", _problems);
        var states = m.TokenList("clueStates");
        m.Finish();
        return new IntakeDefinition(states, node.Position);
    }

    /// <summary>Reads a mapping of id → element, in file order.</summary>
    private List<T> ReadMap<T>(YNode? node, string what, Func<YScalar, YNode, T?> read)
        where T : class
    {
        var list = new List<T>();
        if (node is null)
        {
            return list;
        }

        if (node is not YMapping map)
        {
            _problems.Error("WF004", $"'{what}' must be a mapping of ids to entries", node.Position);
            return list;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (!seen.Add(entry.Key.Value))
            {
                _problems.Error("WF010", $"duplicate id '{entry.Key.Value}' in {what}", entry.Key.Position);
                continue;
            }

            if (!IsIdentifier(entry.Key.Value))
            {
                _problems.Error(
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

    private EffectivePeriod? ReadEffective(YNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var m = new MappingReader(node, "'effective'", _problems);
        var from = ReadDate(m.RequiredToken("from"));
        var to = m.OptionalToken("to") is { } t ? ReadDate(t) : null;
        m.Finish();
        return from is null ? null : new EffectivePeriod(from.Value, to);
    }

    private LocalDate? ReadDate(Token? token)
    {
        if (token is not { } t)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(t.Text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        _problems.Error("WF004", $"'{t.Text}' is not a date in the form yyyy-MM-dd", t.Position);
        return null;
    }

    private HolidayRule? ReadHolidayRule(Token? token)
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
                _problems.Error("WF004", $"holidayRule '{token.Value.Text}' must be 'nextWorkingDay' or 'none'", token.Value.Position);
                return null;
        }
    }

    internal static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
