namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>Where a case listing switches plans (see <see cref="CaseQueries"/>); they steer the cost, never the result.</summary>
/// <param name="SortAtMost">At most this many matches are sorted rather than walked.</param>
/// <param name="WalkAtMost">The largest window of newest cases a walk reads; a page needing more sorts the matches.</param>
/// <param name="MinWindow">The smallest window a walk reads.</param>
/// <param name="WindowMargin">The window holds this many times the cases expected to fill the page.</param>
internal sealed record CaseListThresholds(int SortAtMost, int WalkAtMost, int MinWindow, int WindowMargin)
{
    /// <summary>
    /// Sorting up to 2,000 matches costs about what walking a window of 1,000 to 50,000 cases does (a lookup by key and
    /// a substring check each); measured at 1,000,000 cases (docs/benchmarks.md, clue search).
    /// </summary>
    public static CaseListThresholds Default { get; } = new(SortAtMost: 2_000, WalkAtMost: 50_000, MinWindow: 1_000, WindowMargin: 4);
}
