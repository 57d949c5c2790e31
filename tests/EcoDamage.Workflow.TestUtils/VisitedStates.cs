using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.TestUtils;

/// <summary>
/// The sequence of states a case entered, read from its history: the start, every transition and
/// every sub-process start. The engine records a sub-process start before the parent transition that
/// entered the calling state (both at the same instant); this puts the calling state first.
/// </summary>
public static class VisitedStates
{
    public static IReadOnlyList<string> From(IEnumerable<HistoryEntry> history)
    {
        var states = new List<string>();
        HistoryEntry? pendingCall = null;
        foreach (var entry in history)
        {
            switch (entry.Kind)
            {
                case HistoryKind.Started:
                    states.Add(entry.To);
                    break;
                case HistoryKind.CallStarted:
                    Flush(states, ref pendingCall);
                    pendingCall = entry;
                    break;
                case HistoryKind.Transition:
                    states.Add(entry.To);
                    if (pendingCall is not null && pendingCall.From == entry.To)
                    {
                        Flush(states, ref pendingCall);
                    }

                    break;
                default:
                    break;
            }
        }

        Flush(states, ref pendingCall);
        return states;
    }

    private static void Flush(List<string> states, ref HistoryEntry? pendingCall)
    {
        if (pendingCall is not null)
        {
            states.Add(pendingCall.To);
            pendingCall = null;
        }
    }
}
