namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A running branch of a multi-instance call (e.g. one repair phase): fire its triggers with <c>branch</c> set to its key.</summary>
/// <param name="Key">Branch key (<c>phases/2</c>).</param>
/// <param name="Collection">The collection it runs for.</param>
/// <param name="Item">The item id.</param>
/// <param name="States">Its current states, outermost first.</param>
/// <param name="Data">Its own data.</param>
/// <param name="Deadlines">Its open deadlines.</param>
/// <param name="PermittedTriggers">Triggers the caller's role may fire in it now.</param>
internal sealed record BranchView(
    string Key,
    string Collection,
    string Item,
    IReadOnlyList<string> States,
    IReadOnlyDictionary<string, object?> Data,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<TriggerView> PermittedTriggers);
