using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Server.Apis;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Definitions.Administration;

/// <summary>What a new draft starts from: a published version's text, a document's text in force, or posted text.</summary>
/// <param name="Kind">Definition or document.</param>
/// <param name="Path">The document's path.</param>
/// <param name="Format"><c>yaml</c> or <c>json</c>.</param>
/// <param name="Text">The starting text.</param>
/// <param name="Problem">Why the request cannot start a draft.</param>
internal sealed record DraftStart(DraftKind Kind, string? Path, string Format, string? Text, ProblemHttpResult? Problem)
{
    public static DraftStart Resolve(CreateDraftRequest request, WorkflowCatalog catalog)
    {
        if (request.Format is not (null or "yaml" or "json"))
        {
            return Refused($"format '{request.Format}' is not yaml or json.");
        }

        if (request.BasedOn is { Length: > 0 } basedOn)
        {
            if (request.Text is not null)
            {
                return Refused("give basedOn or text, not both.");
            }

            var at = basedOn.IndexOf('@', StringComparison.Ordinal);
            if (at > 0)
            {
                if (!SemanticVersion.TryParse(basedOn[(at + 1)..], out var version) || catalog.Find(basedOn[..at], version) is null
                    || catalog.SourceOf($"{basedOn[..at]}@{version}") is not { } source)
                {
                    return Refused($"basedOn '{basedOn}' names no published definition version (id@major.minor.patch).");
                }

                return new DraftStart(DraftKind.Definition, null, SeedCatalog.FormatOf(source.Path), source.Text, null);
            }

            if (!DocumentPaths.IsAllowed(basedOn) || catalog.Files.FirstOrDefault(f => f.Path == basedOn) is not { } document)
            {
                return Refused($"basedOn '{basedOn}' names no catalog document in force (e.g. calendars/cn-mainland.yaml) and no version (id@version).");
            }

            return new DraftStart(DraftKind.Document, basedOn, "yaml", document.Text, null);
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Refused("give basedOn (a published version or a document path) or the draft's text.");
        }

        if (request.Path is { } path)
        {
            return DocumentPaths.IsAllowed(path)
                ? new DraftStart(DraftKind.Document, path, "yaml", request.Text, null)
                : Refused($"path '{path}' is not a catalog document path (roles.yaml, ledger.yaml, calendars/…, reference/…, tables/… .yaml, scenarios/….scenario.yaml).");
        }

        return new DraftStart(DraftKind.Definition, null, request.Format ?? "yaml", request.Text, null);
    }

    private static DraftStart Refused(string message) =>
        new(DraftKind.Definition, null, "yaml", null, Problems.BadRequest($"Cannot start a draft: {message}"));
}
