using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>
/// The definition store: published definition versions, catalog documents and the administration trail. Every write
/// appends its trail event in the same transaction as the change it records.
/// </summary>
public interface ICatalogStore
{
    /// <summary>Everything published, or null when nothing was ever imported or published.</summary>
    Task<StoredCatalog?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>The catalog's change counter (0 for an empty store): compare it to decide whether to reload.</summary>
    Task<long> StampAsync(CancellationToken cancellationToken = default);

    /// <summary>Imports the seed catalog into an empty store; false (nothing written) when the store already holds a catalog.</summary>
    Task<bool> ImportAsync(
        IReadOnlyList<PublishedDefinition> definitions, IReadOnlyList<CatalogDocument> documents, AdministrationEntry entry,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes a definition version from a draft: the version row, the draft's removal (if it is still at
    /// <paramref name="draftRevision"/>), the trail event and the <paramref name="announcement"/> outbox row, in one transaction.
    /// </summary>
    Task<PublishOutcome> PublishDefinitionAsync(
        PublishedDefinition version, string draftId, int draftRevision, AdministrationEntry entry, OutboxMessage announcement,
        CancellationToken cancellationToken = default);

    /// <summary>Publishes the next revision of a document from a draft (the revision must be the next one for its path).</summary>
    Task<PublishOutcome> PublishDocumentAsync(
        CatalogDocument document, string draftId, int draftRevision, AdministrationEntry entry, OutboxMessage announcement,
        CancellationToken cancellationToken = default);

    /// <summary>Withdraws a version no case has started on, checked in the same transaction.</summary>
    Task<WithdrawOutcome> WithdrawAsync(
        string definitionId, string version, Publication withdrawal, AdministrationEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every revision of a document, oldest first.</summary>
    Task<IReadOnlyList<CatalogDocument>> DocumentHistoryAsync(string path, CancellationToken cancellationToken = default);
}
