using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Catalog;

/// <summary>
/// How published versions of one definition follow each other (R35): ordered by their first day in force, each
/// version's period ends at the latest on the day before the next one starts. A publication therefore never edits an
/// earlier version: the earlier one simply stops being in force when the later one begins, and withdrawing the later
/// one gives the earlier its declared end back. A version whose first day is not before its successor's is never in
/// force.
/// </summary>
internal static class VersionSuccession
{
    /// <summary>The definitions with their effective ends cut; adds to <paramref name="notInForce"/> the versions left with no day.</summary>
    /// <param name="definitions">Every version read.</param>
    /// <param name="notInForce">Keys already out of force (withdrawn); they take no part in the succession.</param>
    public static List<WorkflowDefinition> Apply(List<WorkflowDefinition> definitions, HashSet<string> notInForce)
    {
        var cut = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        foreach (var versions in definitions.Where(d => !notInForce.Contains(d.Key)).GroupBy(d => d.Id, StringComparer.Ordinal))
        {
            var ordered = versions.OrderBy(d => d.Effective.From).ThenBy(d => d.Version).ToList();
            for (var i = 0; i < ordered.Count - 1; i++)
            {
                var current = ordered[i];
                var nextFrom = ordered[i + 1].Effective.From;
                if (nextFrom <= current.Effective.From)
                {
                    notInForce.Add(current.Key);
                    continue;
                }

                var end = nextFrom.PlusDays(-1);
                if (current.Effective.To is null || current.Effective.To > end)
                {
                    cut[current.Key] = current with { Effective = new EffectivePeriod(current.Effective.From, end) };
                }
            }
        }

        return definitions.Select(d => cut.GetValueOrDefault(d.Key, d)).ToList();
    }
}
