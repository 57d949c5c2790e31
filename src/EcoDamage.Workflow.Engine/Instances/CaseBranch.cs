using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>
/// One instance of a multi-instance call (<c>call: { forEach: … }</c>): the sub-process run for one item of a
/// collection, with its own frame stack and data. Its deadlines are the case's deadlines whose
/// <see cref="DeadlineInstance.Branch"/> is <see cref="Key"/>.
/// </summary>
/// <param name="Key">Branch key: <c>collection/item</c> (e.g. <c>phases/2</c>), what <see cref="FireRequest.Branch"/> names.</param>
/// <param name="Collection">The collection id.</param>
/// <param name="Item">The item id.</param>
/// <param name="ParentFrame">Index of the frame whose state makes the call.</param>
/// <param name="CallingState">The calling state in that frame.</param>
/// <param name="Frames">The branch's running definitions: the called one first.</param>
/// <param name="Data">The branch's data, seeded from the item's members by field id.</param>
public sealed record CaseBranch(
    string Key,
    string Collection,
    string Item,
    int ParentFrame,
    string CallingState,
    ImmutableArray<CaseFrame> Frames,
    CaseData Data)
{
    /// <summary>The branch's innermost current state.</summary>
    public string State => Frames[^1].State;

    /// <summary>Current states of the branch's frames, outermost first.</summary>
    public IReadOnlyList<string> States => Frames.Select(f => f.State).ToArray();
}
