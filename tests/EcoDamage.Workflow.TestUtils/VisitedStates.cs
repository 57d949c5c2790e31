using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.TestUtils;

/// <summary>
/// The sequence of states a case entered, read from its history: the start, every transition and
/// every sub-process start (which the engine records right after the transition that entered the
/// calling state).
/// </summary>
public static class VisitedStates
{
    public static IReadOnlyList<string> From(IEnumerable<HistoryEntry> history) =>
        history
            .Where(e => e.Kind is HistoryKind.Started or HistoryKind.Transition or HistoryKind.CallStarted)
            .Select(e => e.To)
            .ToList();
}
