namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>Where the catalog in force lives (<c>WorkflowDefinitions:Mode</c>).</summary>
internal enum CatalogMode
{
    /// <summary>The definition store in the database, seeded from the catalog folder on first start; administrators publish through the API.</summary>
    Database,

    /// <summary>The catalog folder, read at start-up; definitions are managed in files (e.g. git) and the API refuses edits.</summary>
    Folder,
}
