namespace EcoDamage.Workflow.Engine.Catalog;

/// <summary>One file of a workflow catalog, by its path relative to the catalog root.</summary>
/// <param name="Path">Relative path with forward slashes (<c>claim.workflow.yaml</c>, <c>calendars/cn-mainland.yaml</c>).</param>
/// <param name="Text">Its contents.</param>
/// <param name="DisplayPath">The path to show in problems; defaults to <paramref name="Path"/>.</param>
public sealed record CatalogFile(string Path, string Text, string? DisplayPath = null)
{
    /// <summary>
    /// True for a definition version that was withdrawn: it still compiles (cases started on it keep running) but no
    /// new case starts on it and it takes no part in the effective-period checks.
    /// </summary>
    public bool Withdrawn { get; init; }

    internal string Shown => DisplayPath ?? Path;

    internal bool IsDefinition =>
        !Path.Contains('/', StringComparison.Ordinal)
        && (Path.EndsWith(".workflow.yaml", StringComparison.Ordinal)
            || Path.EndsWith(".workflow.yml", StringComparison.Ordinal)
            || Path.EndsWith(".workflow.json", StringComparison.Ordinal));

    internal bool IsRoles => Path is "roles.yaml" or "roles.yml";

    internal bool IsLedger => Path is "ledger.yaml" or "ledger.yml";

    internal bool IsCalendar => Path.StartsWith("calendars/", StringComparison.Ordinal) && IsYaml;

    internal bool IsReference => Path.StartsWith("reference/", StringComparison.Ordinal) && IsYaml;

    internal bool IsTable => Path.StartsWith("tables/", StringComparison.Ordinal) && IsYaml;

    /// <summary>A scenario file (<c>scenarios/*.scenario.yaml</c>): kept as written, read only when it is run.</summary>
    public bool IsScenario =>
        Path.StartsWith("scenarios/", StringComparison.Ordinal) && Path.IndexOf('/', "scenarios/".Length) < 0
        && (Path.EndsWith(".scenario.yaml", StringComparison.Ordinal) || Path.EndsWith(".scenario.yml", StringComparison.Ordinal));

    private bool IsYaml => Path.EndsWith(".yaml", StringComparison.Ordinal) || Path.EndsWith(".yml", StringComparison.Ordinal);
}
