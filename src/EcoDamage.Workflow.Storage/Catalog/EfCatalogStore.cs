using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>The definition store on EF Core; each write commits with its administration-trail event (<see cref="TrailAppender"/>).</summary>
internal sealed class EfCatalogStore(WorkflowDbContext db) : ICatalogStore
{
    private DbSet<DefinitionVersionRow> Versions => db.Set<DefinitionVersionRow>();

    private DbSet<CatalogDocumentRow> Documents => db.Set<CatalogDocumentRow>();

    public async Task<StoredCatalog?> LoadAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await StampAsync(cancellationToken).ConfigureAwait(false);
        var versions = await Versions.AsNoTracking().OrderBy(v => v.DefinitionId).ThenBy(v => v.Major).ThenBy(v => v.Minor).ThenBy(v => v.Patch)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0 && stamp == 0)
        {
            return null;
        }

        var documents = (await Documents.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(d => d.Path, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.Revision)!)
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .Select(CatalogRows.Record)
            .ToList();
        return new StoredCatalog(versions.Select(CatalogRows.Record).ToList(), documents, stamp);
    }

    public async Task<long> StampAsync(CancellationToken cancellationToken = default) =>
        await db.Set<AdministrationEventRow>().AsNoTracking().Where(a => a.ChangesCatalog)
            .MaxAsync(a => (long?)a.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;

    public Task<bool> ImportAsync(
        IReadOnlyList<PublishedDefinition> definitions, IReadOnlyList<CatalogDocument> documents, AdministrationEntry entry,
        CancellationToken cancellationToken = default) =>
        TrailAppender.RunAsync(db, async () =>
        {
            if (await StampAsync(cancellationToken).ConfigureAwait(false) != 0 || await Versions.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            Versions.AddRange(definitions.Select(CatalogRows.Row));
            Documents.AddRange(documents.Select(CatalogRows.Row));
            await TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another node imported first, or the save failed for another reason (rethrown).
                db.ChangeTracker.Clear();
                if (await Versions.AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                throw;
            }
        }, cancellationToken);

    public Task<PublishOutcome> PublishDefinitionAsync(
        PublishedDefinition version, string draftId, int draftRevision, AdministrationEntry entry, OutboxMessage announcement,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        return PublishAsync(
            draftId, draftRevision, entry, announcement,
            () => Versions.AsNoTracking().AnyAsync(v => v.DefinitionId == version.DefinitionId && v.Version == version.Version, cancellationToken),
            () => Versions.Add(CatalogRows.Row(version)),
            cancellationToken);
    }

    public Task<PublishOutcome> PublishDocumentAsync(
        CatalogDocument document, string draftId, int draftRevision, AdministrationEntry entry, OutboxMessage announcement,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PublishAsync(
            draftId, draftRevision, entry, announcement,
            () => Documents.AsNoTracking().AnyAsync(d => d.Path == document.Path && d.Revision >= document.Revision, cancellationToken),
            () => Documents.Add(CatalogRows.Row(document)),
            cancellationToken);
    }

    public Task<WithdrawOutcome> WithdrawAsync(
        string definitionId, string version, Publication withdrawal, AdministrationEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        return TrailAppender.RunAsync(db, async () =>
        {
            var row = await Versions.SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == version, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return WithdrawOutcome.NotFound;
            }

            if (row.WithdrawnAt is not null)
            {
                return WithdrawOutcome.AlreadyWithdrawn;
            }

            // A case pinned to the version as its claim (the indexed columns) or as a running sub-process (its frames in the snapshot).
            var frame = $"\"definitionId\":\"{definitionId}\",\"version\":\"{version}\"";
            var cases = db.Set<CaseRow>().AsNoTracking();
            if (await cases.AnyAsync(c => c.DefinitionId == definitionId && c.DefinitionVersion == version, cancellationToken).ConfigureAwait(false)
                || await cases.AnyAsync(c => c.Snapshot.Contains(frame), cancellationToken).ConfigureAwait(false))
            {
                return WithdrawOutcome.InUse;
            }

            row.WithdrawnBy = withdrawal.By;
            row.WithdrawnRole = withdrawal.Role;
            row.WithdrawnAt = Ticks.From(withdrawal.At);
            row.WithdrawReason = withdrawal.Reason;
            await TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return WithdrawOutcome.Withdrawn;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<CatalogDocument>> DocumentHistoryAsync(string path, CancellationToken cancellationToken = default) =>
        (await Documents.AsNoTracking().Where(d => d.Path == path).OrderBy(d => d.Revision).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(CatalogRows.Record).ToList();

    private Task<PublishOutcome> PublishAsync(
        string draftId, int draftRevision, AdministrationEntry entry, OutboxMessage announcement,
        Func<Task<bool>> exists, Action add, CancellationToken cancellationToken) =>
        TrailAppender.RunAsync(db, async () =>
        {
            var draft = await db.Set<DefinitionDraftRow>().SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken).ConfigureAwait(false);
            if (draft is null)
            {
                return PublishOutcome.DraftNotFound;
            }

            if (draft.Revision != draftRevision)
            {
                return PublishOutcome.DraftChanged;
            }

            if (await exists().ConfigureAwait(false))
            {
                return PublishOutcome.AlreadyPublished;
            }

            add();
            db.Remove(draft);
            db.Set<OutboxRow>().Add(CatalogRows.Row(announcement));
            await TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return PublishOutcome.Published;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The draft was published or discarded by a concurrent call between the read and the save.
                db.ChangeTracker.Clear();
                return await db.Set<DefinitionDraftRow>().AsNoTracking().AnyAsync(d => d.Id == draftId, cancellationToken).ConfigureAwait(false)
                    ? PublishOutcome.DraftChanged : PublishOutcome.DraftNotFound;
            }
            catch (DbUpdateException)
            {
                // A concurrent publication of the same version (or revision) won; anything else is rethrown.
                db.ChangeTracker.Clear();
                if (await exists().ConfigureAwait(false))
                {
                    return PublishOutcome.AlreadyPublished;
                }

                throw;
            }
        }, cancellationToken);
}
