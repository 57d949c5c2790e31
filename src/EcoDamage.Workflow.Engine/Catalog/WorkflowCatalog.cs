using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Catalog;

/// <summary>
/// Everything in <c>workflows/</c>, validated and compiled: definitions (every version), roles,
/// calendars and lookup tables. Immutable; load a new one to change it.
/// </summary>
public sealed partial class WorkflowCatalog
{
    private readonly Dictionary<string, CompiledWorkflow> _byKey;
    private readonly Dictionary<string, List<CompiledWorkflow>> _byId;
    private readonly IReadOnlyDictionary<string, CatalogFile> _sources;

    private WorkflowCatalog(
        RoleCatalog roles,
        IReadOnlyDictionary<string, HolidayCalendar> calendars,
        IReadOnlyDictionary<string, LookupTable> tables,
        IReadOnlyList<CompiledWorkflow> workflows,
        IReadOnlyDictionary<string, CatalogFile> sources)
    {
        _sources = sources;
        Roles = roles;
        Calendars = calendars;
        Tables = tables;
        Workflows = workflows;
        _byKey = workflows.ToDictionary(w => w.Key, StringComparer.Ordinal);
        _byId = workflows.GroupBy(w => w.Definition.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Definition.Version).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The heads of damage ledger entries name (<c>ledger.yaml</c>, N9).</summary>
    /// <value>Empty when the catalog has no <c>ledger.yaml</c>.</value>
    public Ledger.LedgerHeads Ledger { get; private init; } = EcoDamage.Workflow.Engine.Ledger.LedgerHeads.Empty;

    /// <summary>Keys (<c>id@version</c>) of the versions no new case may start on: withdrawn, or superseded before their first day.</summary>
    public IReadOnlySet<string> NotInForce { get; private init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The files the catalog was loaded from, as given.</summary>
    public IReadOnlyList<CatalogFile> Files { get; private init; } = [];

    /// <summary>Declared roles.</summary>
    public RoleCatalog Roles { get; }

    /// <summary>Working-day calendars by id.</summary>
    public IReadOnlyDictionary<string, HolidayCalendar> Calendars { get; }

    /// <summary>Lookup tables by id.</summary>
    public IReadOnlyDictionary<string, LookupTable> Tables { get; }

    /// <summary>The reference data (<c>reference/organisation.yaml</c>) that <c>reference:</c> fields are checked against.</summary>
    /// <value><see cref="Reference.ReferenceData.Empty"/> when the catalog has no reference file.</value>
    public Reference.ReferenceData Reference { get; private init; } = Engine.Reference.ReferenceData.Empty;

    /// <summary>Every compiled definition version.</summary>
    public IReadOnlyList<CompiledWorkflow> Workflows { get; }

    /// <summary>The scenario files (<c>scenarios/*.scenario.yaml</c>) as loaded, ordered by path.</summary>
    /// <value>Empty when the catalog has none. They are not read at load: a broken scenario shows when it is run.</value>
    public IReadOnlyList<CatalogFile> Scenarios { get; private init; } = [];

    /// <summary>Loads every file under <paramref name="directory"/>; paths in problems are shown relative to the current directory.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static CatalogLoadResult LoadDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new CatalogFile(
                Path.GetRelativePath(root, f).Replace('\\', '/'),
                File.ReadAllText(f),
                Path.GetRelativePath(Environment.CurrentDirectory, f)))
            .ToList();
        return Load(files);
    }

    /// <summary>Exactly that version, or null.</summary>
    public CompiledWorkflow? Find(string id, SemanticVersion version) => _byKey.GetValueOrDefault($"{id}@{version}");

    /// <summary>The newest version of <paramref name="id"/> in force on <paramref name="date"/>, or null.</summary>
    public CompiledWorkflow? FindInForce(string id, LocalDate date) =>
        _byId.TryGetValue(id, out var versions)
            ? versions.FirstOrDefault(v => !NotInForce.Contains(v.Key) && v.Definition.Effective.Contains(date))
            : null;

    /// <summary>The newest version of <paramref name="id"/>, or null.</summary>
    public CompiledWorkflow? Latest(string id) => _byId.TryGetValue(id, out var versions) ? versions[0] : null;

    /// <summary>
    /// The file a definition version was read from, with its text exactly as written (comments and
    /// formatting kept), or null when <paramref name="key"/> (<c>id@version</c>) is not in the catalog.
    /// </summary>
    public CatalogFile? SourceOf(string key) => _sources.GetValueOrDefault(key);

    /// <summary>Validates one more definition (e.g. posted by an administrator) against this catalog.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="displayPath">Name to show in problems.</param>
    /// <returns>Every problem; none means it could be published.</returns>
    public IReadOnlyList<Problem> Validate(string text, string displayPath)
    {
        var problems = new ProblemList();
        if (ReadAndValidate(text, displayPath, problems) is { } definition)
        {
            VersionChecks.CheckVersions([definition], Workflows.Select(w => w.Definition).ToList(), problems);
        }

        return problems.Items;
    }

    /// <summary>
    /// Validates a definition an administrator means to publish into this (published) catalog: every rule of
    /// <see cref="Validate"/> except the overlap of effective periods, which succession resolves, plus the rules of
    /// publication (<see cref="PublicationRules"/>): a new number higher than every published version of the id, and a
    /// first day in force after the first day of every version still in force.
    /// </summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="displayPath">Name to show in problems.</param>
    /// <returns>The definition read (null when it could not be read) and every problem.</returns>
    public (WorkflowDefinition? Definition, IReadOnlyList<Problem> Problems) ValidateCandidate(string text, string displayPath)
    {
        var problems = new ProblemList();
        var definition = ReadAndValidate(text, displayPath, problems);
        if (definition is not null)
        {
            PublicationRules.Check(definition, Workflows.Select(w => w.Definition).ToList(), NotInForce, problems);
        }

        return (definition, problems.Items);
    }

    /// <summary>
    /// This catalog with a candidate definition (e.g. a draft) in place of every version of its id, validated and
    /// compiled: what a simulation of the candidate runs on.
    /// </summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="displayPath">Name to show in problems.</param>
    /// <returns>The candidate catalog, or every problem (of the candidate, or of a definition calling it) that prevents it.</returns>
    public CatalogLoadResult WithCandidate(string text, string displayPath) => CandidateCatalog.Build(this, text, displayPath);

    /// <summary>The same catalog with <paramref name="candidate"/> replacing every version of its id.</summary>
    internal WorkflowCatalog Replacing(CompiledWorkflow candidate, CatalogFile source)
    {
        var id = candidate.Definition.Id;
        var sources = _sources.Where(s => !Workflows.Any(w => w.Key == s.Key && w.Definition.Id == id))
            .Append(new KeyValuePair<string, CatalogFile>(candidate.Key, source))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var workflows = Workflows.Where(w => w.Definition.Id != id).Append(candidate).ToList();
        return new WorkflowCatalog(Roles, Calendars, Tables, workflows, sources) { Reference = Reference, Ledger = Ledger, Scenarios = Scenarios, NotInForce = NotInForce, Files = Files };
    }

    /// <summary>Reads one definition and checks it by every rule against this catalog's other definitions (any version checks are the caller's).</summary>
    private WorkflowDefinition? ReadAndValidate(string text, string displayPath, ProblemList problems)
    {
        var definition = Loading.DefinitionReader.Read(text, displayPath, problems);
        if (definition is not null)
        {
            var others = Workflows.Select(w => w.Definition).Where(d => d.Key != definition.Key).Append(definition).ToList();
            Validation.DefinitionValidator.Validate(definition, Context(others), problems);
            EcoDamage.Workflow.Engine.Ledger.LedgerRules.Validate(definition, Ledger, problems);
        }

        return definition;
    }

    private Validation.ValidationContext Context(IReadOnlyList<WorkflowDefinition> definitions) =>
        new(Roles, Tables, Calendars.Keys.ToHashSet(StringComparer.Ordinal), definitions);
}
