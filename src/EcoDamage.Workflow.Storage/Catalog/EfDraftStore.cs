using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>Drafts on EF Core; the revision is the concurrency token, so a save over a changed draft is refused, not lost.</summary>
internal sealed class EfDraftStore(WorkflowDbContext db) : IDraftStore
{
    private DbSet<DefinitionDraftRow> Rows => db.Set<DefinitionDraftRow>();

    public async Task<IReadOnlyList<DefinitionDraft>> ListAsync(CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(CatalogRows.Record).ToList();

    public async Task<DefinitionDraft?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await Rows.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false) is { } row ? CatalogRows.Record(row) : null;

    public Task CreateAsync(DefinitionDraft draft, AdministrationEntry entry, CancellationToken cancellationToken = default) =>
        TrailAppender.RunAsync(db, async () =>
        {
            Rows.Add(CatalogRows.Row(draft));
            await TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<(DraftChange Outcome, DefinitionDraft? Draft)> UpdateAsync(
        string id, int expectedRevision, string format, string text, string by, AdministrationEntry entry, CancellationToken cancellationToken = default) =>
        TrailAppender.RunAsync(db, async () =>
        {
            var row = await Rows.SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return (DraftChange.NotFound, (DefinitionDraft?)null);
            }

            if (row.Revision != expectedRevision)
            {
                return (DraftChange.Stale, CatalogRows.Record(row));
            }

            row.Format = format;
            row.Text = text;
            row.Revision++;
            row.UpdatedBy = by;
            row.UpdatedAt = Ticks.From(entry.At);
            await TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return await Rows.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false) is { } now
                    ? (DraftChange.Stale, CatalogRows.Record(now))
                    : (DraftChange.NotFound, null);
            }

            return (DraftChange.Done, CatalogRows.Record(row));
        }, cancellationToken);

    public Task<DraftChange> DeleteAsync(string id, int? expectedRevision, AdministrationEntry entry, CancellationToken cancellationToken = default) =>
        TrailAppender.RunAsync(db, async () =>
        {
            var row = await Rows.SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return DraftChange.NotFound;
            }

            if (expectedRevision is { } expected && row.Revision != expected)
            {
                return DraftChange.Stale;
            }

            Rows.Remove(row);
            await TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return DraftChange.NotFound;
            }

            return DraftChange.Done;
        }, cancellationToken);
}
