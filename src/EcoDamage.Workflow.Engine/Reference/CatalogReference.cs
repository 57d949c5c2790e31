using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>Reads a catalog's reference data: the one file under <c>reference/</c> (REF001–REF003 problems).</summary>
internal static class CatalogReference
{
    /// <summary>The reference data of <paramref name="files"/>, or <see cref="ReferenceData.Empty"/> when there is none.</summary>
    public static ReferenceData Read(IReadOnlyList<CatalogFile> files, ProblemList problems)
    {
        var found = files.Where(f => f.IsReference).ToList();
        foreach (var extra in found.Skip(1))
        {
            problems.Error("WF010", $"reference data is declared twice ('{found[0].Path}' and '{extra.Path}')", new SourcePosition(extra.Shown, 1, 1));
        }

        if (found.Count == 0)
        {
            return ReferenceData.Empty;
        }

        var loaded = ReferenceDataLoader.Load(found[0].Text, found[0].Shown);
        problems.AddRange(loaded.Problems);
        return loaded.Data;
    }
}
