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
        Frames = original.Frames;
        Data = original.Data;
        Deadlines = original.Deadlines;
        History = original.History;
        Supervision = original.Supervision;
        Collections = original.Collections;
        Branches = original.Branches;
        Schedules = original.Schedules;
        Ledger = original.Ledger;
        Parties = original.Parties;
    }

    /// <summary>The case the change starts from.</summary>
    public CaseInstance Original => _original;

    public ImmutableDictionary<string, ImmutableList<Instances.CollectionItem>> Collections { get; set; }

    public ImmutableList<Instances.CaseBranch> Branches { get; set; }

    /// <summary>The ledger with this change's entries appended.</summary>
    public ImmutableList<Ledger.LedgerEntry> Ledger { get; set; }

    /// <summary>The parties with this change's additions and outcomes.</summary>
    public ImmutableList<Parties.CaseParty> Parties { get; set; }

    public ImmutableArray<CaseFrame> Frames { get; set; }

    /// <summary>The data with this change's values applied.</summary>
    public CaseData Data { get; private set; }

    public ImmutableArray<DeadlineInstance> Deadlines { get; set; }

    public ImmutableList<HistoryEntry> History { get; set; }

    public ImmutableHashSet<string> Supervision { get; set; }

    public ImmutableList<Schedules.CaseSchedule> Schedules { get; set; }

    public ImmutableDictionary<string, CaseDocument> Documents => _original.Documents;

    public List<Refusal> Refusals { get; } = [];

    public CaseInstance Build() => _original with
    {
        Version = _original.Version + 1,
        Frames = Frames,
        Data = Data,
        Deadlines = Deadlines,
        History = History,
        Supervision = Supervision,
        Collections = Collections,
        Branches = Branches,
        Schedules = Schedules,
        Ledger = Ledger,
        Parties = Parties,
    };

    /// <summary>Sets (or, with null, clears) a field for this change.</summary>
    public void SetData(string field, object? value) => Data = Data.With(field, value);

    /// <summary>The field's value as this change leaves it.</summary>
    public bool TryGetData(string field, out object? value)
        => Data.TryGetValue(field, out value) && value is not null;

    /// <summary>Closes the active instance of one deadline (outside branches), if any.</summary>
    public void CloseDeadline(string definitionId, string deadlineId, Instant at, FireResult result) =>
        CloseWhere(
            (definitionId, deadlineId),
            static (d, s) => d.DeadlineId == s.deadlineId && d.DefinitionId == s.definitionId && d.Branch is null,
            at,
            result);

    /// <summary>Closes the active deadlines of <paramref name="state"/> in <paramref name="definitionId"/> (outside branches).</summary>
    public void CloseDeadlines(string definitionId, string state, Instant at, FireResult result) =>
        CloseWhere(
            (definitionId, state),
            static (d, s) => d.State == s.state && d.DefinitionId == s.definitionId && d.Branch is null,
            at,
            result);

    /// <summary>
    /// Closes every active deadline that <paramref name="matches"/> (given <paramref name="context"/>, so that a static
    /// lambda serves every call without allocating), recording each in <paramref name="result"/>.
    /// </summary>
    public void CloseWhere<TContext>(TContext context, Func<DeadlineInstance, TContext, bool> matches, Instant at, FireResult result)
    {
        for (var i = 0; i < Deadlines.Length; i++)
        {
            var d = Deadlines[i];
            if (d.IsActive && matches(d, context))
            {
                var closed = d with { Status = DeadlineStatus.Closed, ClosedAt = at };
                Deadlines = Deadlines.SetItem(i, closed);
                result.AddClosed(closed);
            }
        }
    }
}
