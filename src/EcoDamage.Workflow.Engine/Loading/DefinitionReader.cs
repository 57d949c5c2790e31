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
internal sealed class DefinitionReader
{
    private readonly ReadingContext _context;
    private readonly DeclarationReader _declarations;
    private readonly StateReader _states;
    private readonly ProblemList _problems;

    private DefinitionReader(ProblemList problems)
    {
        _context = new ReadingContext(problems);
        _declarations = new DeclarationReader(_context);
        _states = new StateReader(_context, new EffectReader(_context));
        _problems = problems;
    }

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
        var holidayRule = _context.ReadHolidayRule(m.OptionalToken("holidayRule")) ?? HolidayRule.NextWorkingDay;
        var parameters = _context.ReadMap(m.Optional("parameters"), "parameters", _declarations.ReadParameter);
        var fields = _context.ReadMap(m.Optional("data"), "data", _declarations.ReadField);
        var documents = _context.ReadMap(m.Optional("documents"), "documents", _declarations.ReadDocument);
        var triggers = _context.ReadMap(m.Optional("triggers"), "triggers", _declarations.ReadTrigger);
        var start = m.Optional("start") is { } startNode ? ReadStart(startNode) : null;
        var initial = m.RequiredToken("initial");
        var states = _context.ReadMap(m.Required("states"), "states", _states.ReadState);
        var listing = m.Optional("listing") is { } listingNode ? ReadListing(listingNode) : null;
        var intake = m.Optional("intake") is { } intakeNode ? ReadIntake(intakeNode) : null;
        var collections = _context.ReadMap(m.Optional("collections"), "collections", (k, n) => Instances.InstanceReader.ReadCollection(_problems, k, n));
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
            Collections = collections,
        };
    }

    private StartDefinition ReadStart(YNode node)
    {
        var m = new MappingReader(node, "'start'", _problems);
        var roles = m.TokenList("roles");
        var inputs = m.TokenList("inputs");
        var requires = _context.ReadRequirements(m.Optional("requires"), "'start'");
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

    internal static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
