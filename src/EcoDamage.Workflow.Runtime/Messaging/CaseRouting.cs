using EcoDamage.Workflow.Runtime.Access;

namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>The columns of a case a webhook subscription may filter on, and whom the case belongs to (a subscription's owner scope is checked against it).</summary>
/// <param name="DefinitionId">The case's definition id.</param>
/// <param name="Jurisdiction">The case's jurisdiction.</param>
/// <param name="Department">The department handling the case.</param>
public sealed record CaseRouting(string DefinitionId, string? Jurisdiction, string? Department)
{
    /// <summary>The department that referred the case and keeps seeing it (R8), or null.</summary>
    public string? ReferringDepartment { get; init; }

    /// <summary>The party ids and participant accounts the case grants access to.</summary>
    /// <value>None by default (a party-scoped subscription then hears nothing of the case).</value>
    public IReadOnlyCollection<string> Parties { get; init; } = [];

    /// <summary>The case's ownership, as <see cref="AccessScope.Covers"/> reads it.</summary>
    public CaseOwnership Ownership => new(Jurisdiction, Department, ReferringDepartment, Parties);
}
