using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Commands;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>
/// Who may ask for and approve a deadline extension, beyond what the engine checks (the requester's role fires a trigger
/// of the deadline's state; the approver is not the requester): the caller acts on the case (its scope covers the case's
/// jurisdiction and handling department), and the approver holds an approving role.
/// </summary>
internal static class ExtensionAccess
{
    /// <summary>The refusal of <paramref name="command"/> on <paramref name="case"/>, or null when the caller may go on.</summary>
    public static Refusal? Refusal(WorkflowCatalog catalog, CaseInstance @case, CaseCommand command)
    {
        var (scope, approverRoles) = command switch
        {
            RequestDeadlineExtension r => (r.Scope, null),
            ApproveDeadlineExtension a => (a.Scope, a.ApproverRoles),
            _ => throw new ArgumentException($"not an extension command: {command.GetType()}", nameof(command)),
        };
        var listing = new CaseMeaning(catalog, @case, @case).Listing;
        if (!scope.Covers(new CaseOwnership(listing.Jurisdiction, listing.Department, null, [])))
        {
            return new Refusal(RefusalKind.RoleNotAllowed, "the case is outside the cases the caller may act on", "scope");
        }

        return approverRoles is not null && !approverRoles.Contains(command.Actor.Role, StringComparer.Ordinal)
            ? new Refusal(RefusalKind.RoleNotAllowed, $"role '{command.Actor.Role}' does not approve deadline extensions (approving roles: {string.Join(", ", approverRoles)})", "role")
            : null;
    }
}
