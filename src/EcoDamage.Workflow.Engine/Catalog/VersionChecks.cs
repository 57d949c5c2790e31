using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Catalog;

/// <summary>The checks between versions of one definition that a catalog's folder semantics apply (WF050, WF051).</summary>
internal static class VersionChecks
{
    /// <summary>WF051 the same id and version twice; WF050 versions of one id in force on the same day.</summary>
    public static void CheckVersions(List<WorkflowDefinition> candidates, IReadOnlyList<WorkflowDefinition> existing, ProblemList problems)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var d = candidates[i];
            var before = existing.Concat(candidates.Take(i)).Where(o => o.Id == d.Id).ToList();
            if (before.Any(o => o.Version == d.Version))
            {
                problems.Error("WF051", $"definition '{d.Key}' is declared more than once", d.VersionPosition ?? d.Position);
                continue;
            }

            foreach (var other in before.Where(o => o.Effective.Overlaps(d.Effective)))
            {
                problems.Error(
                    "WF050",
                    $"'{d.Key}' is in force {Describe(d.Effective)}, overlapping '{other.Key}' ({Describe(other.Effective)}); end one before the other starts",
                    d.EffectivePosition ?? d.Position);
            }
        }

    }

    /// <summary>WF051 for a version outside the in-force set (withdrawn) that repeats another's id and version.</summary>
    public static void CheckDuplicates(List<WorkflowDefinition> outside, List<WorkflowDefinition> all, ProblemList problems)
    {
        foreach (var d in outside.Where(d => all.Count(o => o.Key == d.Key) > 1))
        {
            problems.Error("WF051", $"definition '{d.Key}' is declared more than once", d.VersionPosition ?? d.Position);
        }
    }

    private static string Describe(EffectivePeriod p) =>
        $"{p.From:yyyy-MM-dd} to {(p.To is { } to ? to.ToString("yyyy-MM-dd", null) : "open end")}";
}
