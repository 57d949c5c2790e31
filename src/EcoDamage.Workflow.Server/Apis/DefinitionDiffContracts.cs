namespace EcoDamage.Workflow.Server.Apis;

/// <summary>One semantic change between two definition versions.</summary>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Element">What it is about: <c>state</c>, <c>trigger</c>, <c>transition</c>, <c>guard</c>, <c>deadline</c>, <c>reminder</c>,
/// <c>overdue</c>, <c>action</c>, <c>parameter</c>, <c>dataField</c>, <c>document</c>, <c>role</c>, <c>effectivePeriod</c>, … (camel case).</param>
/// <param name="Path">A stable locator by ids, e.g. <c>states/Negotiating/deadlines/consultationPeriod/period</c>.</param>
/// <param name="Before">The older value as shown to people; null when added.</param>
/// <param name="After">The newer value as shown to people; null when removed.</param>
/// <param name="Description">The change as one sentence in the requested language.</param>
internal sealed record DefinitionChangeItem(string Kind, string Element, string Path, string? Before, string? After, string Description);

/// <summary>The changes from one version of a definition to another.</summary>
/// <param name="Id">Definition id.</param>
/// <param name="From">The older version.</param>
/// <param name="To">The newer version.</param>
/// <param name="Changes">Every change, in a deterministic order; empty when both mean the same.</param>
internal sealed record DefinitionDiffResponse(string Id, string From, string To, IReadOnlyList<DefinitionChangeItem> Changes);
