using EcoDamage.Workflow.Engine.Catalog;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>A scenario to simulate: a stored file of the catalog or a posted text.</summary>
/// <param name="Name">The stored scenario's name (its file name without <c>.scenario.yaml</c>), or the name given to a posted one.</param>
/// <param name="Text">The scenario YAML.</param>
/// <param name="Path">The path shown in its problems.</param>
public sealed record ScenarioSource(string Name, string Text, string Path)
{
    private static readonly string[] Suffixes = [".scenario.yaml", ".scenario.yml"];

    /// <summary>The stored scenarios of <paramref name="catalog"/>, ordered by path.</summary>
    public static IReadOnlyList<ScenarioSource> Stored(WorkflowCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Scenarios.Select(f => new ScenarioSource(NameOf(f), f.Text, f.Path))];
    }

    /// <summary>The name of a scenario file: <c>scenarios/phased-repair.scenario.yaml</c> is <c>phased-repair</c>.</summary>
    public static string NameOf(CatalogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
        var suffix = Suffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
        return suffix is null ? name : name[..^suffix.Length];
    }
}
