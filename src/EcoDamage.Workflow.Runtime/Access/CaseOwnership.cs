namespace EcoDamage.Workflow.Runtime.Access;

/// <summary>Whom a case belongs to, as the access checks read it (R4: a jurisdiction; R6, R8: a handling and a referring department).</summary>
/// <param name="Jurisdiction">The case's jurisdiction, or null before it is known.</param>
/// <param name="Department">The department handling it, or null.</param>
/// <param name="ReferringDepartment">The department that referred it and keeps seeing its status (R8), or null.</param>
/// <param name="Parties">The party ids and participant accounts the case grants access to.</param>
public sealed record CaseOwnership(string? Jurisdiction, string? Department, string? ReferringDepartment, IReadOnlyCollection<string> Parties)
{
    /// <summary>A case with no owner recorded (reachable only by a scope covering everything).</summary>
    public static CaseOwnership Unowned { get; } = new(null, null, null, []);
}
