namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>A page of <see cref="DeadlineListing"/>s, soonest due first.</summary>
/// <param name="Items">The deadlines.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="Page">This page's number.</param>
/// <param name="PageSize">The page size used.</param>
public sealed record DeadlinePage(IReadOnlyList<DeadlineListing> Items, int Total, int Page, int PageSize);
