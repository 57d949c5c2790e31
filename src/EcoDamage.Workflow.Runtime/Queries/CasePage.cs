using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Runtime.Queries;

/// <summary>One page of a case listing.</summary>
/// <param name="Cases">The cases on the page, most recently updated first.</param>
/// <param name="Total">How many cases match the filter.</param>
/// <param name="Page">Page number from 1.</param>
/// <param name="PageSize">Cases per page.</param>
public sealed record CasePage(IReadOnlyList<StoredCase> Cases, int Total, int Page, int PageSize);
