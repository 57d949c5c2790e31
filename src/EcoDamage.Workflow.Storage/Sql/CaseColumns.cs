using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Storage.Sql;

/// <summary>The filter columns of a case row, read from its snapshot's data on every commit.</summary>
internal static class CaseColumns
{
    public static string? Jurisdiction(CaseInstance c) => Text(c, "jurisdiction");

    public static string? Channel(CaseInstance c) => Text(c, "channel");

    // A referral hands the case to another department; until then the domain's routing decides.
    public static string? Department(CaseInstance c) => Text(c, "referredTo") ?? Text(c, "routedDepartment");

    private static string? Text(CaseInstance c, string field) =>
        c.Data.TryGetValue(field, out var value) && value is not null ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
