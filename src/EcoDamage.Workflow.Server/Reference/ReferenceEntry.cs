namespace EcoDamage.Workflow.Server.Reference;

/// <summary>One item of reference data: an id with its Chinese and English names (and, for departments, its duty).</summary>
/// <param name="Id">Stable id used in case data and routing.</param>
/// <param name="Zh">Chinese name (the legal term).</param>
/// <param name="En">English name.</param>
/// <param name="Duty">For departments: lead, handling, supporting or judicial.</param>
/// <param name="Jurisdiction">For treasuries: the jurisdiction (an id of the jurisdictions) the treasury serves (R27).</param>
/// <param name="Parent">For jurisdictions: the jurisdiction it lies within (R4), or null at the top.</param>
internal sealed record ReferenceEntry(string Id, string Zh, string En, string? Duty = null, string? Jurisdiction = null, string? Parent = null);
