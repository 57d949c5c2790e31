using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// A case as the engine sees it: immutable; every accepted change yields a new instance with
/// <see cref="Version"/> one higher, and a refused trigger returns the same instance.
/// </summary>
/// <param name="Id">Case id.</param>
/// <param name="Version">Change counter (the storage layer's concurrency token).</param>
/// <param name="Frames">Running definitions: the root first, the innermost sub-process last.</param>
/// <param name="Data">Case data by field id.</param>
/// <param name="Documents">Attached documents by type (the latest of each type).</param>
/// <param name="Deadlines">Every deadline opened, open and closed.</param>
/// <param name="History">Changes, oldest first.</param>
/// <param name="Supervision">Roles the case has been escalated to (e.g. the procuratorate, R9).</param>
public sealed record CaseInstance(
    string Id,
    long Version,
    ImmutableArray<CaseFrame> Frames,
    CaseData Data,
    ImmutableDictionary<string, CaseDocument> Documents,
    ImmutableArray<DeadlineInstance> Deadlines,
    ImmutableList<HistoryEntry> History,
    ImmutableHashSet<string> Supervision)
{
    /// <summary>Participants recorded on the case (R34), oldest first.</summary>
    /// <value>Empty for a new case (and for snapshots written before participants were part of the case).</value>
    public ImmutableList<CaseParticipant> Participants { get; init; } = [];

    /// <summary>Recorded collections (e.g. repair phases): collection id → items in recording order.</summary>
    /// <value>Empty for a case that recorded none (and for snapshots written before collections existed).</value>
    public ImmutableDictionary<string, ImmutableList<Instances.CollectionItem>> Collections { get; init; } =
        ImmutableDictionary<string, ImmutableList<Instances.CollectionItem>>.Empty;

    /// <summary>Running instances of multi-instance calls, one per item (see <see cref="Instances.CaseBranch"/>).</summary>
    /// <value>Empty unless a state with <c>call: { forEach: … }</c> is current.</value>
    public ImmutableList<Instances.CaseBranch> Branches { get; init; } = [];

    /// <summary>Schedule items recorded on the case (instalments, labour sessions), one entry per schedule.</summary>
    /// <value>Empty for a new case (and for snapshots written before schedules were part of the case).</value>
    public ImmutableList<Schedules.CaseSchedule> Schedules { get; init; } = [];

    /// <summary>The case's ledger (N9, N10, R27): every amount claimed, assessed, agreed, awarded, paid, credited, performed in kind, escrowed or released, oldest first.</summary>
    /// <value>Empty for a new case (and for snapshots written before the ledger was part of the case).</value>
    public ImmutableList<Ledger.LedgerEntry> Ledger { get; init; } = [];

    /// <summary>The parties of the case: obligors and rights holders, in the order they were named.</summary>
    /// <value>Empty for a new case (and for older snapshots).</value>
    public ImmutableList<Parties.CaseParty> Parties { get; init; } = [];

    /// <summary>The root definition id.</summary>
    public string DefinitionId => Frames[0].DefinitionId;

    /// <summary>The root definition version the case is pinned to.</summary>
    public SemanticVersion DefinitionVersion => Frames[0].Version;

    /// <summary>The innermost current state (empty for the never-started case of a refused start).</summary>
    public string State => Frames.IsDefaultOrEmpty ? string.Empty : Frames[^1].State;

    /// <summary>Current states of every frame, root first (e.g. <c>[Consultation, Negotiating]</c>).</summary>
    public IReadOnlyList<string> States => Frames.Select(f => f.State).ToArray();

    /// <summary>Deadlines not yet closed.</summary>
    public IEnumerable<DeadlineInstance> ActiveDeadlines => Deadlines.Where(d => d.IsActive);

    /// <summary>The earliest instant a reminder or overdue action is due, or null.</summary>
    public Instant? NextDeadlineEventAt()
    {
        Instant? next = null;
        foreach (var d in Deadlines)
        {
            if (d.NextEventAt() is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }
}
