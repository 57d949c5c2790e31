using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>
/// Validates a draft against the catalog in force: a definition by every rule of a publication
/// (<see cref="WorkflowCatalog.ValidateCandidate"/>); a document by loading the whole catalog with the draft in its place,
/// so that a calendar, table or role change that breaks a definition is reported where it breaks.
/// </summary>
public static class DraftValidator
{
    /// <summary>Every problem of <paramref name="draft"/>, and the definition it declares (null for a document or unreadable text).</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<Problem> Problems) Validate(WorkflowCatalog current, DefinitionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(draft);
        var shown = DisplayName(draft);
        if (draft.Kind == DraftKind.Definition)
        {
            return current.ValidateCandidate(draft.Text, shown);
        }

        var replacement = new CatalogFile(draft.Path!, draft.Text, shown);
        var files = current.Files.Where(f => f.Path != replacement.Path).Append(replacement).ToList();
        var loaded = WorkflowCatalog.LoadPublished(files);
        // Problems elsewhere were there before the draft (the catalog in force loaded): report the draft's own, and any
        // error the draft causes in other files.
        var problems = loaded.Problems.Where(p => p.Position.File == shown || p.Severity == Severity.Error).ToList();
        return (null, problems);
    }

    /// <summary>The name problems of a draft show: <c>draft:{id}</c> and what it edits.</summary>
    public static string DisplayName(DefinitionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Kind == DraftKind.Document ? $"draft:{draft.Id}:{draft.Path}" : $"draft:{draft.Id}";
    }
}
