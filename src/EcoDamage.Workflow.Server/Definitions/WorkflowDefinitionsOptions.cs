namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>Where the workflow catalog lives and how large a posted definition may be.</summary>
internal sealed class WorkflowDefinitionsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "WorkflowDefinitions";

    /// <summary>The catalog folder (definitions, roles, calendars, tables).</summary>
    /// <value>Default <c>workflows</c>. A relative path is looked up under the content root, then the current directory.</value>
    public string Directory { get; set; } = "workflows";

    /// <summary>Where the catalog in force lives.</summary>
    /// <value>
    /// Default <see cref="CatalogMode.Database"/>: the definition store, seeded from <see cref="Directory"/> on first start and
    /// changed by administrators through the API. <see cref="CatalogMode.Folder"/>: the folder is the catalog (rules deployed as
    /// code, from git); the API refuses every edit.
    /// </value>
    public CatalogMode Mode { get; set; } = CatalogMode.Database;

    /// <summary>How often a node asks the store whether another node published (database mode).</summary>
    /// <value>Default 5 seconds; a publication through this node is in force here at once.</value>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest definition body <c>POST /api/definitions/validate</c> accepts; larger bodies get 413.</summary>
    /// <value>Default 256 KiB.</value>
    public long MaxPostedDefinitionBytes { get; set; } = 256 * 1024;

    /// <summary>The existing folder <see cref="Directory"/> names, or null when there is none.</summary>
    public string? Resolve(string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            return null;
        }

        string[] candidates = Path.IsPathRooted(Directory)
            ? [Directory]
            : [Path.Combine(contentRoot, Directory), Path.Combine(Environment.CurrentDirectory, Directory)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(System.IO.Directory.Exists);
    }
}
