namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>Drafts of definitions and documents. Each change appends its administration-trail event in its transaction.</summary>
public interface IDraftStore
{
    /// <summary>Every draft, newest change first.</summary>
    Task<IReadOnlyList<DefinitionDraft>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One draft, or null.</summary>
    Task<DefinitionDraft?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new draft.</summary>
    Task CreateAsync(DefinitionDraft draft, AdministrationEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Saves new text when the stored draft is still at <paramref name="expectedRevision"/>; the saved draft, or the outcome that prevented it.</summary>
    Task<(DraftChange Outcome, DefinitionDraft? Draft)> UpdateAsync(
        string id, int expectedRevision, string format, string text, string by, AdministrationEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Discards a draft (when <paramref name="expectedRevision"/> is given, only at that revision).</summary>
    Task<DraftChange> DeleteAsync(string id, int? expectedRevision, AdministrationEntry entry, CancellationToken cancellationToken = default);
}
