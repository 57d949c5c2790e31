using System.Collections.Immutable;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A working copy of a case while one change is applied; discarded if the change is refused.</summary>
internal sealed class CaseBuilder
{
    private readonly CaseInstance _original;

    public CaseBuilder(CaseInstance original)
    {
        _original = original;
        Frames = [.. original.Frames];
        Data = original.Data.ToBuilder();
        Deadlines = original.Deadlines.ToBuilder();
        History = original.History.ToBuilder();
        Supervision = original.Supervision;
    }

    public List<CaseFrame> Frames { get; }

    public ImmutableDictionary<string, object?>.Builder Data { get; }

    public ImmutableList<DeadlineInstance>.Builder Deadlines { get; }

    public ImmutableList<HistoryEntry>.Builder History { get; }

    public ImmutableHashSet<string> Supervision { get; set; }

    public ImmutableDictionary<string, CaseDocument> Documents => _original.Documents;

    public List<Refusal> Refusals { get; } = [];

    public CaseInstance Build() => _original with
    {
        Version = _original.Version + 1,
        Frames = [.. Frames],
        Data = Data.ToImmutable(),
        Deadlines = Deadlines.ToImmutable(),
        History = History.ToImmutable(),
        Supervision = Supervision,
    };

    /// <summary>Closes the active deadlines of <paramref name="state"/> in <paramref name="definitionId"/>.</summary>
    public void CloseDeadlines(string definitionId, string state, Instant at, FireResult result)
    {
        for (var i = 0; i < Deadlines.Count; i++)
        {
            var d = Deadlines[i];
            if (d.IsActive && d.State == state && d.DefinitionId == definitionId)
            {
                var closed = d with { Status = DeadlineStatus.Closed, ClosedAt = at };
                Deadlines[i] = closed;
                result.DeadlinesClosed.Add(closed);
            }
        }
    }
}
