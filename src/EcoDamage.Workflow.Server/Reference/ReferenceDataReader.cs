using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Reference;

namespace EcoDamage.Workflow.Server.Reference;

/// <summary>
/// Reads <c>reference/organisation.yaml</c> through the engine's <see cref="ReferenceDataLoader"/>; every problem
/// is a <see cref="Problem"/> with its position and rule (<c>REF001</c>–<c>REF003</c>), none is skipped.
/// </summary>
internal static class ReferenceDataReader
{
    public const string RelativePath = "reference/organisation.yaml";

    /// <summary>Reads the file among the catalog's <paramref name="files"/>; a missing file is no reference data.</summary>
    /// <returns>The data, or null and the problems found.</returns>
    public static (ReferenceData? Data, IReadOnlyList<Problem> Problems) Read(IReadOnlyList<Engine.Catalog.CatalogFile> files)
    {
        var file = files.FirstOrDefault(f => f.Path == RelativePath);
        if (file is null)
        {
            return (ReferenceData.Empty, []);
        }

        var loaded = ReferenceDataLoader.Load(file.Text, file.DisplayPath ?? file.Path);
        return loaded.Succeeded
            ? (new ReferenceData(loaded.Departments.Select(Entry).ToList(), loaded.Jurisdictions.Select(Entry).ToList(), loaded.Treasuries.Select(Entry).ToList()), [])
            : (null, loaded.Problems);
    }

    private static ReferenceEntry Entry(ReferenceItem item) => new(item.Id, item.Zh, item.En, item.Duty, item.Jurisdiction, item.Parent);
}
