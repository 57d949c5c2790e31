using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Reference;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Catalog;

public sealed partial class WorkflowCatalog
{
    /// <summary>Reads, validates and compiles a set of catalog files, reporting every problem at once.</summary>
    /// <remarks>Folder semantics: versions of one id whose effective periods overlap are an error (WF050).</remarks>
    public static CatalogLoadResult Load(IReadOnlyList<CatalogFile> files) => Load(files, supersede: false);

    /// <summary>
    /// Reads, validates and compiles the published catalog (the definition store's semantics): a later version ends the
    /// one before it on the day before its own start (<see cref="VersionSuccession"/>), and withdrawn versions
    /// (<see cref="CatalogFile.Withdrawn"/>) compile but are never in force.
    /// </summary>
    public static CatalogLoadResult LoadPublished(IReadOnlyList<CatalogFile> files) => Load(files, supersede: true);

    private static CatalogLoadResult Load(IReadOnlyList<CatalogFile> files, bool supersede)
    {
        var problems = new ProblemList();
        var rolesFile = files.FirstOrDefault(f => f.IsRoles);
        var roles = rolesFile is null
            ? new RoleCatalog([])
            : ReferenceDataReader.ReadRoles(rolesFile.Text, rolesFile.Shown, problems);

        var ledgerFile = files.FirstOrDefault(f => f.IsLedger);
        var ledger = ledgerFile is null ? EcoDamage.Workflow.Engine.Ledger.LedgerHeads.Empty : EcoDamage.Workflow.Engine.Ledger.LedgerHeadsReader.Read(ledgerFile.Text, ledgerFile.Shown, problems);

        var calendars = new Dictionary<string, HolidayCalendar>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.IsCalendar))
        {
            var loaded = HolidayCalendarLoader.LoadText(file.Text, file.Shown);
            problems.AddRange(loaded.Problems);

            if (loaded.Calendar is { } calendar && !calendars.TryAdd(calendar.Id, calendar))
            {
                problems.Error("WF010", $"calendar id '{calendar.Id}' is declared twice", new SourcePosition(file.Shown, 1, 1));
            }
        }

        var tables = new Dictionary<string, LookupTable>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.IsTable))
        {
            if (ReferenceDataReader.ReadTable(file.Text, file.Shown, problems) is { } table && !tables.TryAdd(table.Id, table))
            {
                problems.Error("WF010", $"table id '{table.Id}' is declared twice", new SourcePosition(file.Shown, 1, 1));
            }
        }

        var reference = CatalogReference.Read(files, problems);
        var definitions = new List<WorkflowDefinition>();
        var sources = new Dictionary<string, CatalogFile>(StringComparer.Ordinal);
        var withdrawn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.IsDefinition))
        {
            if (DefinitionReader.Read(file.Text, file.Shown, problems) is { } definition)
            {
                definitions.Add(definition);
                sources.TryAdd(definition.Key, file);
                if (file.Withdrawn)
                {
                    withdrawn.Add(definition.Key);
                }
            }
        }

        var notInForce = new HashSet<string>(withdrawn, StringComparer.Ordinal);
        if (supersede)
        {
            definitions = VersionSuccession.Apply(definitions, notInForce);
        }

        var context = new ValidationContext(roles, tables, calendars.Keys.ToHashSet(StringComparer.Ordinal), definitions);
        foreach (var definition in definitions)
        {
            DefinitionValidator.Validate(definition, context, problems);
            EcoDamage.Workflow.Engine.Ledger.LedgerRules.Validate(definition, ledger, problems);
        }

        VersionChecks.CheckVersions(definitions.Where(d => !notInForce.Contains(d.Key)).ToList(), [], problems);
        VersionChecks.CheckDuplicates(definitions.Where(d => notInForce.Contains(d.Key)).ToList(), definitions, problems);
        if (problems.HasErrors)
        {
            return new CatalogLoadResult(null, problems.Items);
        }

        var compiled = definitions
            .Select(d => WorkflowCompiler.Compile(d, calendars[d.Calendar.Text], tables))
            .ToList();
        return new CatalogLoadResult(
            new WorkflowCatalog(roles, calendars, tables, compiled, sources)
            {
                Reference = reference, Ledger = ledger, NotInForce = notInForce, Files = files, Scenarios = ScenarioFiles(files),
            },
            problems.Items);
    }

    /// <summary>The scenario files, ordered by path; not read here, so a broken scenario never stops a host.</summary>
    private static CatalogFile[] ScenarioFiles(IReadOnlyList<CatalogFile> files) =>
        [.. files.Where(f => f.IsScenario).OrderBy(f => f.Path, StringComparer.Ordinal)];
}
