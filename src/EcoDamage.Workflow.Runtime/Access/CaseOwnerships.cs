using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Access;

/// <summary>
/// Whom a case belongs to, read from the case itself: its listing columns (jurisdiction, handling and referring
/// department, R4, R6, R8) and the parties it grants (its parties' ids and its participants' accounts). The one rule
/// both the per-case checks and the stored filter columns (the case row, its grants) use.
/// </summary>
public static class CaseOwnerships
{
    /// <summary>The ownership of <paramref name="case"/> whose listing columns are <paramref name="listing"/>.</summary>
    /// <param name="case">The case.</param>
    /// <param name="listing">Its listing as its definition reads it (<see cref="WorkflowDefinition.ListingOf"/>).</param>
    /// <returns>The ownership.</returns>
    public static CaseOwnership Of(CaseInstance @case, CaseListing listing)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(listing);
        return new CaseOwnership(listing.Jurisdiction, listing.Department, listing.ReferringDepartment, Grants(@case));
    }

    /// <summary>The party ids and participant accounts <paramref name="case"/> grants access to, distinct, in order.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The grants (empty for most cases before their parties are named).</returns>
    public static IReadOnlyList<string> Grants(CaseInstance @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Parties.Select(p => p.Id)
            .Concat(@case.Participants.Select(p => p.Account).OfType<string>())
            .Where(g => g.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
