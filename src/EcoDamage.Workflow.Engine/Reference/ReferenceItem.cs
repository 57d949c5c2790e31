namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>One item of reference data: an id with its Chinese and English names (and, for departments, its duty).</summary>
/// <param name="Id">Stable id used in case data and routing.</param>
/// <param name="Zh">Chinese name (the legal term).</param>
/// <param name="En">English name.</param>
/// <param name="Duty">For departments: lead, handling, supporting or judicial; null for jurisdictions.</param>
public sealed record ReferenceItem(string Id, string Zh, string En, string? Duty)
{
    /// <summary>For treasuries: the jurisdiction (an id of <c>jurisdictions</c>) the treasury serves.</summary>
    /// <value>Null for departments and jurisdictions, and for the city treasury of the rights holder's level.</value>
    public string? Jurisdiction { get; init; }

    /// <summary>For jurisdictions: the jurisdiction this one lies within (R4: districts, counties and zones lie within the city).</summary>
    /// <value>Null for the top level, and for departments and treasuries.</value>
    public string? Parent { get; init; }
}
