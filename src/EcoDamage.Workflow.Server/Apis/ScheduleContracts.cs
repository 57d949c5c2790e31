namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A schedule recorded on a case (an instalment plan, labour sessions), with its items.</summary>
/// <param name="Definition">The definition declaring it (<c>claim</c>, <c>repair</c>).</param>
/// <param name="Id">The schedule id.</param>
/// <param name="Items">Items in recording order.</param>
internal sealed record ScheduleView(string Definition, string Id, IReadOnlyList<ScheduleItemView> Items);

/// <summary>One item of a schedule.</summary>
/// <param name="Number">1-based number: names the item in the trigger that meets it and in its deadline's key (<c>claim/instalments@2#1</c>).</param>
/// <param name="Values">The item's members (dates as <c>yyyy-MM-dd</c>).</param>
/// <param name="Performed">The amount performed on it so far.</param>
/// <param name="MetAt">When it was met; null while outstanding.</param>
internal sealed record ScheduleItemView(int Number, IReadOnlyDictionary<string, object?> Values, decimal Performed, DateTimeOffset? MetAt);
