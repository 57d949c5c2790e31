namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>The columns of a case a webhook subscription may filter on.</summary>
/// <param name="DefinitionId">The case's definition id.</param>
/// <param name="Jurisdiction">The case's jurisdiction.</param>
/// <param name="Department">The department handling the case.</param>
public sealed record CaseRouting(string DefinitionId, string? Jurisdiction, string? Department);
