using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Server.Apis;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Builds the branches of a case view: one per running branch of a multi-instance call.</summary>
internal static class BranchViews
{
    /// <summary>The running branches of <paramref name="c"/> as <paramref name="role"/> sees them; empty for a case without any.</summary>
    public static IReadOnlyList<BranchView> Of(CaseInstance c, WorkflowEngine engine, string role)
    {
        if (c.Branches.IsEmpty)
        {
            return [];
        }

        var permitted = engine.PermittedInBranches(c, role).ToDictionary(p => p.Branch, StringComparer.Ordinal);
        return c.Branches.Select(b => new BranchView(
                b.Key,
                b.Collection,
                b.Item,
                b.States,
                CaseViews.Data(b.Data),
                c.ActiveDeadlines.Where(d => d.Branch == b.Key).Select(CaseViews.Deadline).ToArray(),
                permitted.TryGetValue(b.Key, out var p) ? p.Triggers.Select(t => new TriggerView(t.Id, t.Name.Zh, t.Name.En)).ToArray() : []))
            .ToArray();
    }
}
