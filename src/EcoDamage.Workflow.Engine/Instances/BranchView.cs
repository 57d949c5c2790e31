using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>
/// A branch seen as a case of its own (its frames, data and deadlines, the case's documents, history and
/// supervision), so that the engine fires, enters and closes in a branch exactly as in a plain case; and the way
/// back: a changed view merged into the case. In the view a deadline has its plain key
/// (<c>repair/repairTerm#1</c>); in the case the key carries the branch (<c>repair/repairTerm@phases/2#1</c>).
/// </summary>
internal static class BranchView
{
    /// <summary>The branch as a case.</summary>
    public static CaseInstance Of(CaseInstance @case, CaseBranch branch) =>
        new(@case.Id, @case.Version, branch.Frames, branch.Data, @case.Documents, DeadlinesOf(@case.Deadlines, branch.Key), @case.History, @case.Supervision)
        {
            Participants = @case.Participants,
        };

    /// <summary>The branch's deadlines with their plain keys.</summary>
    public static ImmutableArray<DeadlineInstance> DeadlinesOf(ImmutableArray<DeadlineInstance> deadlines, string branch) =>
        deadlines.Where(d => d.Branch == branch).Select(d => ToView(d, branch)).ToImmutableArray();

    /// <summary>A case deadline of <paramref name="branch"/> with its plain key.</summary>
    public static DeadlineInstance ToView(DeadlineInstance d, string branch) =>
        d with { Key = d.Key.Replace("@" + branch + "#", "#", StringComparison.Ordinal), Branch = null };

    /// <summary>A view deadline with its case key.</summary>
    public static DeadlineInstance FromView(DeadlineInstance d, string branch)
    {
        if (d.Branch == branch)
        {
            return d;
        }

        var hash = d.Key.LastIndexOf('#');
        return d with { Key = string.Concat(d.Key.AsSpan(0, hash), "@", branch, d.Key.AsSpan(hash)), Branch = branch };
    }

    /// <summary>
    /// The case's deadlines with <paramref name="branch"/>'s replaced by the view's, in place (the view keeps the
    /// branch's deadlines in case order and appends the new ones).
    /// </summary>
    public static ImmutableArray<DeadlineInstance> MergeDeadlines(ImmutableArray<DeadlineInstance> deadlines, ImmutableArray<DeadlineInstance> view, string branch)
    {
        var merged = ImmutableArray.CreateBuilder<DeadlineInstance>(deadlines.Length + view.Length);
        var next = 0;
        foreach (var d in deadlines)
        {
            merged.Add(d.Branch == branch ? FromView(view[next++], branch) : d);
        }

        for (; next < view.Length; next++)
        {
            merged.Add(FromView(view[next], branch));
        }

        return merged.ToImmutable();
    }

    /// <summary>The history entries the view added, marked with the branch.</summary>
    public static IEnumerable<HistoryEntry> NewHistory(int before, ImmutableList<HistoryEntry> view, string branch) =>
        view.Skip(before).Select(h => h with { Branch = branch });

    /// <summary>The case after a change of the branch's view.</summary>
    public static CaseInstance Merge(CaseInstance @case, CaseBranch branch, CaseInstance view) => @case with
    {
        Version = @case.Version + 1,
        Deadlines = MergeDeadlines(@case.Deadlines, view.Deadlines, branch.Key),
        History = @case.History.AddRange(NewHistory(@case.History.Count, view.History, branch.Key)),
        Supervision = view.Supervision,
        Branches = @case.Branches.Replace(branch, branch with { Frames = view.Frames, Data = view.Data }),
    };
}
