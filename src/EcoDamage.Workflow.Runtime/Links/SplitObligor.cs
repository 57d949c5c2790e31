namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>One obligor of a split: the case started for them.</summary>
/// <param name="Name">The obligor's name (recorded as a participant of role <see cref="CaseLinkHandler.ObligorRole"/>).</param>
/// <param name="Organisation">Their organisation, or null.</param>
/// <param name="CaseId">The new case's id, or null to have one generated.</param>
public sealed record SplitObligor(string Name, string? Organisation = null, string? CaseId = null);
