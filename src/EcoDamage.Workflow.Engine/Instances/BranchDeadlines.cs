using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>Where a deadline lives: a branch's frames and data for a branch's deadline, else the case's.</summary>
internal static class BranchDeadlines
{
    /// <summary>The frame running the deadline's definition.</summary>
    public static CaseFrame FrameOf(CaseInstance @case, DeadlineInstance deadline) =>
        (deadline.Branch is { } b && @case.Branches.FirstOrDefault(x => x.Key == b) is { } branch ? branch.Frames : @case.Frames)
            .First(f => f.DefinitionId == deadline.DefinitionId);

    /// <summary>The data the deadline's fields are read from.</summary>
    public static IReadOnlyDictionary<string, object?> DataOf(CaseInstance @case, DeadlineInstance deadline) =>
        deadline.Branch is { } b && @case.Branches.FirstOrDefault(x => x.Key == b) is { } branch ? branch.Data : @case.Data;
}
