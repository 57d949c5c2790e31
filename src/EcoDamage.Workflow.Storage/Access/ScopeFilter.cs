using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Storage.Entities;

namespace EcoDamage.Workflow.Storage.Access;

/// <summary>
/// Cuts a query over the cases to an <see cref="AccessScope"/>: the jurisdiction one of the scope's, the handling or
/// referring department the scope's (R8), a grant of the scope's party. Every value is bound as a parameter.
/// </summary>
internal static class ScopeFilter
{
    /// <summary>Whether <paramref name="scope"/> restricts the cases (anything but <see cref="AccessScope.Everything"/>).</summary>
    public static bool Restricts(AccessScope scope) =>
        scope.None || scope.Jurisdictions is not null || scope.Department is not null || scope.Party is not null;

    /// <summary>The cases of <paramref name="cases"/> within <paramref name="scope"/>.</summary>
    public static IQueryable<CaseRow> Within(IQueryable<CaseRow> cases, AccessScope scope, WorkflowDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.None)
        {
            return cases.Where(c => false);
        }

        if (scope.Jurisdictions is { } within)
        {
            var jurisdictions = within.Order(StringComparer.Ordinal).ToArray();
            cases = cases.Where(c => c.Jurisdiction != null && jurisdictions.Contains(c.Jurisdiction));
        }

        if (scope.Department is { } department)
        {
            cases = cases.Where(c => c.Department == department || c.ReferringDepartment == department);
        }

        if (scope.Party is { } party)
        {
            cases = cases.Where(c => db.CaseGrants.Any(g => g.CaseId == c.Id && g.Party == party));
        }

        return cases;
    }
}
