using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Storage.Sql;

/// <summary>
/// The filter columns of a case row: the listing the runtime read from the case's data by its definition's
/// <c>listing:</c> declaration (the one department rule), written on every commit.
/// </summary>
internal static class CaseColumns
{
    public static string? Jurisdiction(CaseChangeSet changes) => changes.Listing.Jurisdiction;

    public static string? Channel(CaseChangeSet changes) => changes.Listing.Channel;

    public static string? Department(CaseChangeSet changes) => changes.Listing.Department;

    public static string? ReferringDepartment(CaseChangeSet changes) => changes.Listing.ReferringDepartment;

    /// <summary>The parties and participant accounts the case grants (the one rule, <see cref="CaseOwnerships.Grants"/>).</summary>
    public static IReadOnlyList<string> Grants(CaseChangeSet changes) => CaseOwnerships.Grants(changes.Case);
}
