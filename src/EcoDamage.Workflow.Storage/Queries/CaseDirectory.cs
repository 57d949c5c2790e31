using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>
/// Reads for the API beside the command path: case listings over the indexed filter columns and the
/// deadline table, and the participants of a case (which are recorded here, outside the case snapshot).
/// </summary>
/// <param name="db">The provider's context.</param>
public sealed class CaseDirectory(WorkflowDbContext db)
{
    /// <summary>The largest page a listing returns.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Lists cases matching <paramref name="filter"/>, most recently updated first.</summary>
    /// <param name="filter">The criteria; the page size is clamped to 1…<see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page and the total count.</returns>
    public async Task<CasePage> ListAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = db.Cases.AsNoTracking();
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToArray();
            query = query.Where(c => states.Contains(c.State));
        }

        query = Equal(query, filter.Department, c => c.Department);
        query = Equal(query, filter.Jurisdiction, c => c.Jurisdiction);
        query = Equal(query, filter.Channel, c => c.Channel);
        if (filter.Domain is { } domain)
        {
            var tagged = $"\"domain\":{{\"text\":\"{domain}\"}}";
            query = query.Where(c => c.Snapshot.Contains(tagged));
        }

        if (filter.Text is { Length: > 0 } text)
        {
            query = query.Where(c => c.Snapshot.Contains(text));
        }

        if (filter.OverdueAt is { } overdue)
        {
            var ticks = Ticks.From(overdue);
            query = query.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Due <= ticks));
        }

        if (filter.DueBy is { } dueBy)
        {
            var to = Ticks.From(dueBy);
            var from = filter.DueFrom is { } f ? Ticks.From(f) : long.MinValue;
            query = query.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Due >= from && d.Due <= to));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Snapshot, c.Version, c.AuditSequence, c.AuditHead })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var cases = rows.Select(r => new StoredCase(CaseJson.Deserialize(r.Snapshot) with { Version = r.Version }, r.AuditSequence, r.AuditHead)).ToArray();
        return new CasePage(cases, total, page, size);
    }

    /// <summary>Records a participant.</summary>
    /// <param name="participant">The participant.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    public async Task AddParticipantAsync(Participant participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        db.Participants.Add(new ParticipantRow
        {
            Id = participant.Id,
            CaseId = participant.CaseId,
            Name = participant.Name,
            Role = participant.Role,
            Organisation = participant.Organisation,
            AddedAt = Ticks.From(participant.AddedAt),
            AddedBy = participant.AddedBy,
            AddedByRole = participant.AddedByRole,
            AddedByDepartment = participant.AddedByDepartment,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>The participants of a case in the order recorded.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The participants.</returns>
    public async Task<IReadOnlyList<Participant>> ParticipantsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Participants.AsNoTracking().Where(p => p.CaseId == caseId)
            .OrderBy(p => p.AddedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Participant(r.Id, r.CaseId, r.Name, r.Role, r.Organisation, Ticks.ToInstant(r.AddedAt), r.AddedBy, r.AddedByRole, r.AddedByDepartment)).ToArray();
    }

    /// <summary>Checks that the database answers (for the readiness probe).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>True when a connection can be opened.</returns>
    public Task<bool> CanConnectAsync(CancellationToken cancellationToken = default) => db.Database.CanConnectAsync(cancellationToken);

    private static IQueryable<CaseRow> Equal(IQueryable<CaseRow> query, string? value, System.Linq.Expressions.Expression<Func<CaseRow, string?>> column)
    {
        if (value is null)
        {
            return query;
        }

        var parameter = column.Parameters[0];
        var body = System.Linq.Expressions.Expression.Equal(column.Body, System.Linq.Expressions.Expression.Constant(value, typeof(string)));
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<CaseRow, bool>>(body, parameter));
    }
}
