using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Catalog;

/// <summary>
/// Builds the catalog a candidate definition (a draft, a posted text) is simulated on: the published catalog with the
/// candidate in place of every version of its id, so a scenario or a call naming the id reaches the candidate whatever
/// its effective period. The candidate is validated as <see cref="WorkflowCatalog.Validate"/> does, except that the
/// versions it replaces are not compared with it (WF050/WF051); the definitions that call its id are validated again
/// against it, so a candidate that breaks a caller (a terminal state removed, WF011/WF061) is refused too.
/// </summary>
internal static class CandidateCatalog
{
    /// <summary>The candidate catalog, or every problem that prevents it.</summary>
    public static CatalogLoadResult Build(WorkflowCatalog published, string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(text);
        var problems = new ProblemList();
        var candidate = DefinitionReader.Read(text, displayPath, problems);
        if (candidate is null)
        {
            return new CatalogLoadResult(null, problems.Items);
        }

        var definitions = published.Workflows.Select(w => w.Definition).Where(d => d.Id != candidate.Id).Append(candidate).ToList();
        var context = new ValidationContext(published.Roles, published.Tables, published.Calendars.Keys.ToHashSet(StringComparer.Ordinal), definitions);
        DefinitionValidator.Validate(candidate, context, problems);
        Ledger.LedgerRules.Validate(candidate, published.Ledger, problems);
        foreach (var caller in definitions.Where(d => d.Id != candidate.Id && Calls(d, candidate.Id)))
        {
            var theirs = new ProblemList();
            DefinitionValidator.Validate(caller, context, theirs);
            problems.AddRange(theirs.Items.Where(p => p.Severity == Severity.Error));
        }

        if (problems.HasErrors || !published.Calendars.TryGetValue(candidate.Calendar.Text, out var calendar))
        {
            return new CatalogLoadResult(null, problems.Items);
        }

        var compiled = WorkflowCompiler.Compile(candidate, calendar, published.Tables);
        return new CatalogLoadResult(published.Replacing(compiled, new CatalogFile(displayPath, text)), problems.Items);
    }

    private static bool Calls(WorkflowDefinition definition, string id) =>
        definition.AllStates().Any(s => s.Call is { } call && call.Workflow.Text == id);
}
