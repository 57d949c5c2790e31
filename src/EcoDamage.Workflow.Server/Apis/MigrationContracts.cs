using System.Text.Json.Serialization;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Runtime.Migrations;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A migration plan: the cases of <c>definitionId</c> on <c>from</c> move to <c>to</c>.</summary>
/// <param name="DefinitionId">The root definition id (<c>claim</c>).</param>
/// <param name="From">The version the cases are on (<c>2.0.0</c>).</param>
/// <param name="To">The version they move to (<c>2.1.0</c>).</param>
/// <param name="StateMap">Old state → new state; a state not named keeps its id when the new version declares it.</param>
/// <param name="Deadlines">What happens to open deadlines: <c>keep</c>, <c>recompute</c> (default) or <c>close</c>.</param>
/// <param name="DeadlineOverrides">Deadline id of the old version → <c>keep</c>, <c>recompute</c> or <c>close</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record MigrationPlanBody(
    string? DefinitionId,
    string? From,
    string? To,
    Dictionary<string, string?>? StateMap = null,
    string? Deadlines = null,
    Dictionary<string, string?>? DeadlineOverrides = null);

/// <summary>One problem of a posted plan.</summary>
internal sealed record MigrationProblemView(string Code, string Where, string Message);

/// <summary>Progress of a migration's last execution.</summary>
internal sealed record MigrationProgressView(long Migrated, long Unmappable, long Closed, long Skipped, long Retried, long Visited)
{
    public static MigrationProgressView Of(MigrationCounters c) => new(c.Migrated, c.Unmappable, c.Closed, c.Skipped, c.Retried, c.Visited);
}

/// <summary>A stored migration.</summary>
internal sealed record MigrationView(
    string Id,
    string Status,
    string DefinitionId,
    string From,
    string To,
    IReadOnlyDictionary<string, string> StateMap,
    string Deadlines,
    IReadOnlyDictionary<string, string> DeadlineOverrides,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? StartedAt,
    string? StartedBy,
    DateTimeOffset? CompletedAt,
    string? Cursor,
    MigrationProgressView Progress)
{
    public static MigrationView Of(MigrationRecord m) => new(
        m.Id,
        Policy(m.Status.ToString()),
        m.Plan.DefinitionId,
        m.Plan.From.ToString(),
        m.Plan.To.ToString(),
        m.Plan.StateMap,
        Policy(m.Plan.Deadlines.ToString()),
        m.Plan.DeadlineOverrides.ToDictionary(o => o.Key, o => Policy(o.Value.ToString()), StringComparer.Ordinal),
        m.CreatedAt.ToDateTimeOffset(),
        m.CreatedBy,
        m.StartedAt?.ToDateTimeOffset(),
        m.StartedBy,
        m.CompletedAt?.ToDateTimeOffset(),
        m.Cursor,
        MigrationProgressView.Of(m.Counters));

    /// <summary>camelCase of an enum name (<c>Recompute</c> → <c>recompute</c>).</summary>
    private static string Policy(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>A migration list, newest first.</summary>
internal sealed record MigrationListView(IReadOnlyList<MigrationView> Migrations);

/// <summary>A deadline a migration opens or closes (<c>due</c>), or moves (<c>before</c> → <c>after</c>).</summary>
internal sealed record DeadlineChangeView(string Key, string Id, DateTimeOffset? Due, DateTimeOffset? Before, DateTimeOffset? After);

/// <summary>The deadline changes of one case.</summary>
internal sealed record DeadlineChangesView(IReadOnlyList<DeadlineChangeView> Opened, IReadOnlyList<DeadlineChangeView> Closed, IReadOnlyList<DeadlineChangeView> Moved);

/// <summary>What the migration would do to one case.</summary>
internal sealed record DryRunCaseView(string CaseId, string FromState, string ToState, DeadlineChangesView Deadlines)
{
    public static DryRunCaseView Of(CaseMigration m) => new(
        m.CaseId,
        m.FromState,
        m.ToState!,
        new DeadlineChangesView(
            m.Opened.Select(d => new DeadlineChangeView(d.Key, d.DeadlineId, d.After?.ToDateTimeOffset(), null, null)).ToList(),
            m.Closed.Select(d => new DeadlineChangeView(d.Key, d.DeadlineId, d.Before?.ToDateTimeOffset(), null, null)).ToList(),
            m.Moved.Select(d => new DeadlineChangeView(d.Key, d.DeadlineId, null, d.Before?.ToDateTimeOffset(), d.After?.ToDateTimeOffset())).ToList()));
}

/// <summary>A case the plan cannot place.</summary>
internal sealed record UnmappableCaseView(string CaseId, string State, string Reason);

/// <summary>Counts of a dry-run page; <c>affected</c> counts every case on the old version.</summary>
internal sealed record DryRunTotalsView(int Cases, int Mappable, int Unmappable, int Closed, long Affected);

/// <summary>One page of a dry run; <c>next</c> is the <c>after=</c> of the following page (null on the last).</summary>
internal sealed record DryRunView(string MigrationId, IReadOnlyList<DryRunCaseView> Cases, IReadOnlyList<UnmappableCaseView> Unmappable, DryRunTotalsView Totals, string? Next)
{
    public static DryRunView Of(string id, DryRunPage page) => new(
        id,
        page.Cases.Select(DryRunCaseView.Of).ToList(),
        page.Unmappable.Select(u => new UnmappableCaseView(u.CaseId, u.FromState, u.Reason!)).ToList(),
        new DryRunTotalsView(page.Cases.Count + page.Unmappable.Count + page.Closed, page.Cases.Count, page.Unmappable.Count, page.Closed, page.Affected),
        page.Next);
}
