using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;
using NodaTime.Extensions;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>
/// The administrator's commands on the catalog: drafts (create, save, discard), publication and withdrawal. Each writes
/// its administration-trail event in its own transaction; a publication also writes its <c>definition.published</c> (or
/// <c>document.published</c>) outbox row. The caller puts the new catalog in force after a publication.
/// </summary>
public sealed class CatalogAdministration(ICatalogStore store, IDraftStore drafts, TimeProvider time, IOutboxSignal? outboxSignal = null)
{
    /// <summary>Creates a draft.</summary>
    public async Task<DefinitionDraft> CreateDraftAsync(
        DraftKind kind, string? path, string? basedOn, string format, string text, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        var draft = new DefinitionDraft(
            "draft_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), kind, path, basedOn, format, text, 1, actor.Subject, now, actor.Subject, now);
        await drafts.CreateAsync(draft, Entry(now, actor, AdministrationKinds.DraftCreated, draft.Id, new { kind = Kind(kind), path, basedOn, contentHash = Hash(text) }), cancellationToken)
            .ConfigureAwait(false);
        return draft;
    }

    /// <summary>Saves new text over revision <paramref name="expectedRevision"/>.</summary>
    public Task<(DraftChange Outcome, DefinitionDraft? Draft)> SaveDraftAsync(
        string id, int expectedRevision, string format, string text, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        return drafts.UpdateAsync(
            id, expectedRevision, format, text, actor.Subject,
            Entry(now, actor, AdministrationKinds.DraftUpdated, id, new { revision = expectedRevision + 1, contentHash = Hash(text) }), cancellationToken);
    }

    /// <summary>Discards a draft.</summary>
    public Task<DraftChange> DiscardDraftAsync(string id, int? expectedRevision, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return drafts.DeleteAsync(id, expectedRevision, Entry(Now, actor, AdministrationKinds.DraftDiscarded, id, new { revision = expectedRevision }), cancellationToken);
    }

    /// <summary>
    /// Publishes a draft into <paramref name="current"/>'s successor: refused with every problem when the draft has
    /// errors; otherwise the version (or document revision) is written, the draft removed and the event announced.
    /// </summary>
    public async Task<PublishResult> PublishAsync(
        WorkflowCatalog current, DefinitionDraft draft, string reason, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var (definition, problems) = DraftValidator.Validate(current, draft);
        if (problems.Any(p => p.Severity == Severity.Error))
        {
            return new PublishResult(null, problems, null);
        }

        var now = Now;
        var publication = new Publication(actor.Subject, actor.Role, now, reason);
        var hash = Hash(draft.Text);
        PublishOutcome outcome;
        string subject;
        if (definition is not null)
        {
            var version = new PublishedDefinition(
                definition.Id, definition.Version.ToString(), draft.Format, draft.Text, hash,
                definition.Effective.From.ToString("yyyy-MM-dd", null), definition.Effective.To?.ToString("yyyy-MM-dd", null), publication, "draft");
            subject = version.Key;
            var detail = new
            {
                id = version.DefinitionId, version = version.Version, effectiveFrom = version.EffectiveFrom, effectiveTo = version.EffectiveTo,
                reason, draft = draft.Id, basedOn = draft.BasedOn, contentHash = hash, publishedBy = actor.Subject, publishedAt = now.ToString(),
            };
            outcome = await store.PublishDefinitionAsync(
                version, draft.Id, draft.Revision,
                Entry(now, actor, AdministrationKinds.DefinitionPublished, subject, detail),
                Announcement(subject, AdministrationKinds.DefinitionPublished, detail, now), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var history = await store.DocumentHistoryAsync(draft.Path!, cancellationToken).ConfigureAwait(false);
            var document = new CatalogDocument(draft.Path!, history.Count == 0 ? 1 : history[^1].Revision + 1, draft.Text, hash, publication, "draft");
            subject = $"{document.Path}#{document.Revision}";
            var detail = new
            {
                path = document.Path, revision = document.Revision, reason, draft = draft.Id, basedOn = draft.BasedOn, contentHash = hash,
                publishedBy = actor.Subject, publishedAt = now.ToString(),
            };
            outcome = await store.PublishDocumentAsync(
                document, draft.Id, draft.Revision,
                Entry(now, actor, AdministrationKinds.DocumentPublished, subject, detail),
                Announcement(subject, "catalog.documentPublished", detail, now), cancellationToken).ConfigureAwait(false);
        }

        if (outcome == PublishOutcome.Published)
        {
            outboxSignal?.Notify();
        }

        return new PublishResult(outcome, problems, outcome == PublishOutcome.Published ? subject : null);
    }

    /// <summary>Withdraws a version no case started on.</summary>
    public Task<WithdrawOutcome> WithdrawAsync(string definitionId, string version, string reason, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        return store.WithdrawAsync(
            definitionId, version, new Publication(actor.Subject, actor.Role, now, reason),
            Entry(now, actor, AdministrationKinds.DefinitionWithdrawn, $"{definitionId}@{version}", new { id = definitionId, version, reason }), cancellationToken);
    }

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private Instant Now => time.GetUtcNow().ToInstant();

    private static string Kind(DraftKind kind) => kind == DraftKind.Document ? "document" : "definition";

    private static AdministrationEntry Entry(Instant at, CatalogActor actor, string kind, string subject, object detail) =>
        new(at, actor.Subject, actor.Role, kind, subject, JsonSerializer.Serialize(detail));

    private static OutboxMessage Announcement(string subject, string name, object detail, Instant at) =>
        new(OutboxIds.Next(at.ToDateTimeOffset()), subject, name, JsonSerializer.Serialize(detail), at) { Name = name };
}
