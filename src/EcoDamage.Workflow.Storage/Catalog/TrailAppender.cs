using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>
/// Adds the next administration-trail event to a context's pending changes, and runs a write so that it commits with
/// its event: the chain position is the key, so two nodes appending at once collide on it and the loser retries on the
/// new head (at most <see cref="Attempts"/> times). Writes of one process take turns (the trail is short and rare).
/// </summary>
internal static class TrailAppender
{
    private const int Attempts = 8;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Tracks the event that records <paramref name="entry"/> after the stored head.</summary>
    public static async Task AppendAsync(WorkflowDbContext db, AdministrationEntry entry, CancellationToken cancellationToken)
    {
        var head = await db.Set<AdministrationEventRow>().AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var next = AdministrationHasher.Next(head is null ? null : Event(head), entry);
        db.Set<AdministrationEventRow>().Add(new AdministrationEventRow
        {
            Sequence = next.Sequence,
            At = Ticks.From(next.At),
            Actor = next.Actor,
            Role = next.Role,
            Kind = next.Kind,
            Subject = next.Subject,
            Detail = next.Detail,
            PreviousHash = next.PreviousHash,
            Hash = next.Hash,
            ChangesCatalog = AdministrationKinds.ChangesCatalog(next.Kind),
        });
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (which stages its changes and its event, then saves) until it commits or decides:
    /// a failed save whose cause is a trail collision starts again on a clean context.
    /// </summary>
    public static async Task<T> RunAsync<T>(WorkflowDbContext db, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var i = 1; ; i++)
            {
                var head = await HeadAsync(db, cancellationToken).ConfigureAwait(false);
                try
                {
                    return await attempt().ConfigureAwait(false);
                }
                catch (DbUpdateException) when (i < Attempts)
                {
                    db.ChangeTracker.Clear();
                    if (await HeadAsync(db, cancellationToken).ConfigureAwait(false) == head)
                    {
                        throw;
                    }
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static AdministrationEvent Event(AdministrationEventRow r) =>
        new(r.Sequence, Ticks.ToInstant(r.At), r.Actor, r.Role, r.Kind, r.Subject, r.Detail, r.PreviousHash, r.Hash);

    private static async Task<long> HeadAsync(WorkflowDbContext db, CancellationToken cancellationToken) =>
        await db.Set<AdministrationEventRow>().AsNoTracking().MaxAsync(a => (long?)a.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
}
