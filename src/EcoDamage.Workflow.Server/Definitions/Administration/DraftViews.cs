using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Server.Apis;

namespace EcoDamage.Workflow.Server.Definitions.Administration;

/// <summary>Drafts and their problems as the API shows them; the ETag of a draft is its revision.</summary>
internal static class DraftViews
{
    public static DraftView Of(DefinitionDraft draft, DefinitionCatalog catalog)
    {
        var (definition, problems) = DraftValidator.Validate(catalog.Catalog, draft);
        return new DraftView(
            draft.Id, Kind(draft.Kind), draft.Path, definition?.Key, draft.BasedOn, draft.Format, draft.Text, draft.Revision,
            draft.CreatedBy, draft.CreatedAt.ToDateTimeOffset(), draft.UpdatedBy, draft.UpdatedAt.ToDateTimeOffset(),
            problems.All(p => p.Severity != Severity.Error), Problems(problems));
    }

    public static DraftSummary Summary(DefinitionDraft d) =>
        new(d.Id, Kind(d.Kind), d.Path, d.BasedOn, d.Revision, d.UpdatedBy, d.UpdatedAt.ToDateTimeOffset());

    public static IReadOnlyList<DraftProblem> Problems(IEnumerable<Problem> problems) =>
        problems.Select(p => new DraftProblem(
            p.RuleId, p.Severity == Severity.Error ? "error" : "warning", p.Message, p.Position.File, p.Position.Line, p.Position.Column)).ToList();

    public static string ETag(int revision) => $"\"{revision}\"";

    /// <summary>The revision an <c>If-Match</c> names (<c>"3"</c> or <c>W/"3"</c>), null when absent, -1 when unreadable.</summary>
    public static int? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
               && int.TryParse(value[1..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            ? revision
            : -1;
    }

    private static string Kind(DraftKind kind) => kind == DraftKind.Document ? "document" : "definition";
}
