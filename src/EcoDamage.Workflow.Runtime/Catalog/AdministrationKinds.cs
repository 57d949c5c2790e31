namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>The kinds of administration-trail events.</summary>
public static class AdministrationKinds
{
    /// <summary>The seed catalog folder was imported into an empty store.</summary>
    public const string CatalogImported = "catalog.imported";

    /// <summary>A draft was created.</summary>
    public const string DraftCreated = "draft.created";

    /// <summary>A draft's text was saved.</summary>
    public const string DraftUpdated = "draft.updated";

    /// <summary>A draft was discarded.</summary>
    public const string DraftDiscarded = "draft.discarded";

    /// <summary>A definition version was published.</summary>
    public const string DefinitionPublished = "definition.published";

    /// <summary>A definition version was withdrawn.</summary>
    public const string DefinitionWithdrawn = "definition.withdrawn";

    /// <summary>A new revision of a catalog document was published.</summary>
    public const string DocumentPublished = "document.published";

    /// <summary>A migration of running cases was planned.</summary>
    public const string MigrationPlanned = "migration.planned";

    /// <summary>A migration's execution was started.</summary>
    public const string MigrationStarted = "migration.started";

    /// <summary>A migration's execution visited its last case.</summary>
    public const string MigrationCompleted = "migration.completed";

    /// <summary>True for the kinds that change the catalog in force (and so its stamp).</summary>
    public static bool ChangesCatalog(string kind) =>
        kind is CatalogImported or DefinitionPublished or DefinitionWithdrawn or DocumentPublished;
}
