using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Storage.Access;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>
/// Reads over the deadline rows and the deadline audit events: active deadlines due soon or overdue,
/// a department's reminders, and the escalations a role (the procuratorate) received.
/// </summary>
/// <param name="db">The provider's context.</param>
internal sealed class DeadlineDirectory(WorkflowDbContext db) : IDeadlineDirectory
{
    private const int MaxPageSize = IDeadlineDirectory.MaxPageSize;

    public async Task<DeadlinePage> ListAsync(DeadlineFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var now = Ticks.From(filter.Now);
        var query = from d in db.Deadlines.AsNoTracking()
                    join c in ScopeFilter.Within(db.Cases.AsNoTracking(), filter.Scope, db) on d.CaseId equals c.Id
                    select new { d, c.Department, c.Jurisdiction };
        if (filter.Department is { } department)
        {
            query = query.Where(r => r.Department == department);
        }

        if (filter.Jurisdiction is { } jurisdiction)
        {
            query = query.Where(r => r.Jurisdiction == jurisdiction);
        }

        if (filter.State is { } state)
        {
            query = query.Where(r => r.d.State == state);
        }

        if (filter.Overdue is { } overdue)
        {
            query = overdue ? query.Where(r => r.d.Due <= now) : query.Where(r => r.d.Due > now);
        }

        if (filter.DueWithinDays is { } days)
        {
            var until = Ticks.From(filter.Now + Duration.FromDays(days));
            query = query.Where(r => r.d.Due > now && r.d.Due <= until);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderBy(r => r.d.Due).ThenBy(r => r.d.CaseId).ThenBy(r => r.d.Key)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = rows.Select(r => new DeadlineListing(
            r.d.CaseId, r.d.Key, r.d.DefinitionId, r.d.DeadlineId, r.d.State, Ticks.ToInstant(r.d.Due), r.d.Status,
            r.d.NextEventAt is { } next ? Ticks.ToInstant(next) : null, r.d.Due <= now, r.Department, r.Jurisdiction)).ToArray();
        return new DeadlinePage(items, total, page, size);
    }

    public Task<IReadOnlyList<DeadlineFeedEntry>> RemindersAsync(string department, AccessScope scope, int limit, CancellationToken cancellationToken = default) =>
        FeedAsync(DeadlineAuditKinds.Reminder, department, null, scope, limit, cancellationToken);

    public Task<IReadOnlyList<DeadlineFeedEntry>> EscalationsAsync(string role, AccessScope scope, int limit, CancellationToken cancellationToken = default) =>
        FeedAsync(DeadlineAuditKinds.Escalated, null, $"\"escalatedTo\":\"{role}\"", scope, limit, cancellationToken);

    private async Task<IReadOnlyList<DeadlineFeedEntry>> FeedAsync(
        string kind, string? department, string? contains, AccessScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var query = from a in db.AuditEvents.AsNoTracking()
                    join c in ScopeFilter.Within(db.Cases.AsNoTracking(), scope, db) on a.CaseId equals c.Id
                    where a.Kind == kind
                    select new { a, c.Department, c.Jurisdiction };
        if (department is not null)
        {
            query = query.Where(r => r.Department == department);
        }

        if (contains is not null)
        {
            query = query.Where(r => r.a.DataDiff.Contains(contains));
        }

        var rows = await query.OrderByDescending(r => r.a.At).ThenBy(r => r.a.CaseId).ThenBy(r => r.a.Sequence)
            .Take(Math.Clamp(limit, 1, MaxPageSize))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new DeadlineFeedEntry(
            r.a.CaseId, r.a.Sequence, Ticks.ToInstant(r.a.At), r.a.Kind,
            r.a.Trigger.StartsWith("deadline:", StringComparison.Ordinal) ? r.a.Trigger["deadline:".Length..] : r.a.Trigger,
            r.a.ToState, r.Department, r.Jurisdiction, r.a.DataDiff)).ToArray();
    }
}
