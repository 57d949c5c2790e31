using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Catalog;

/// <summary>
/// What a new publication must respect (R35): WF051 its id and version are not published yet (a published version is
/// immutable: publish a higher number instead); WF052 its version is higher than every published version of the id;
/// WF053 its first day in force comes after the first day of every version of the id still in force, so that it
/// succeeds them rather than slipping between (see <see cref="VersionSuccession"/>).
/// </summary>
internal static class PublicationRules
{
    public static void Check(WorkflowDefinition candidate, IReadOnlyList<WorkflowDefinition> published, IReadOnlySet<string> notInForce, ProblemList problems)
    {
        var same = published.Where(d => d.Id == candidate.Id).ToList();
        var at = candidate.VersionPosition ?? candidate.Position;
        if (same.Any(d => d.Version == candidate.Version))
        {
            problems.Error("WF051", $"'{candidate.Key}' is already published and cannot change; give the draft a higher version", at);
            return;
        }

        var higher = same.Where(d => d.Version > candidate.Version).Select(d => d.Version).ToList();
        if (higher.Count > 0)
        {
            problems.Error("WF052", $"version {candidate.Version} is lower than the published {candidate.Id}@{higher.Max()}; number the draft above it", at);
        }

        var inForce = same.Where(d => !notInForce.Contains(d.Key)).ToList();
        if (inForce.Count > 0 && inForce.MaxBy(d => d.Effective.From) is { } last && candidate.Effective.From <= last.Effective.From)
        {
            problems.Error(
                "WF053",
                $"'{candidate.Key}' would start on {candidate.Effective.From:yyyy-MM-dd}, not after '{last.Key}' (in force from {last.Effective.From:yyyy-MM-dd}); a new version starts after the one it succeeds",
                candidate.EffectivePosition ?? candidate.Position);
        }
    }
}
