using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Commands;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>
/// Who may link two existing cases: a caller who acts on both (its scope covers each case's jurisdiction and handling
/// department) in a role their definitions let fire triggers (the handling department, not a reader or a party).
/// </summary>
internal static class LinkAccess
{
    /// <summary>The refusal of <paramref name="command"/> on the two cases, or null when the caller may link them.</summary>
    public static Refusal? Refusal(WorkflowCatalog catalog, LinkCase command, CaseInstance from, CaseInstance to)
    {
        foreach (var c in new[] { from, to })
        {
            var listing = new CaseMeaning(catalog, c, c).Listing;
            if (!command.Scope.Covers(new CaseOwnership(listing.Jurisdiction, listing.Department, null, [])))
            {
                return new Refusal(RefusalKind.RoleNotAllowed, $"case '{c.Id}' is outside the cases the caller may act on", "scope");
            }

            var definition = catalog.Find(c.DefinitionId, c.DefinitionVersion)?.Definition;
            if (definition is null || !definition.Triggers.Any(t => t.Roles.Any(r => string.Equals(r.Text, command.Actor.Role, StringComparison.Ordinal))))
            {
                return new Refusal(RefusalKind.RoleNotAllowed, $"role '{command.Actor.Role}' fires no trigger of case '{c.Id}', so it may not link it", "role");
            }
        }

        return null;
    }
}
