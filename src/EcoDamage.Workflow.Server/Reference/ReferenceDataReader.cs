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

    /// <summary>Reads the file under <paramref name="workflowsDirectory"/>; a missing file is no reference data.</summary>
    /// <returns>The data, or null and the problems found.</returns>
    public static (ReferenceData? Data, IReadOnlyList<Problem> Problems) Read(string workflowsDirectory)
    {
        var path = Path.Combine(workflowsDirectory, RelativePath);
        if (!File.Exists(path))
        {
            return (ReferenceData.Empty, []);
        }

        var loaded = ReferenceDataLoader.Load(File.ReadAllText(path), path);
        return loaded.Succeeded
            ? (new ReferenceData(loaded.Departments.Select(Entry).ToList(), loaded.Jurisdictions.Select(Entry).ToList(), loaded.Treasuries.Select(Entry).ToList()), [])
            : (null, loaded.Problems);
    }

    private static ReferenceEntry Entry(ReferenceItem item) => new(item.Id, item.Zh, item.En, item.Duty, item.Jurisdiction, item.Parent);
}
