using System.Text.RegularExpressions;
using EcoDamage.Workflow.Engine.Catalog;

namespace EcoDamage.Workflow.TestUtils;

/// <summary>
/// Two versions of the claim for migration tests (issue 14): the shipped 2.0.0 (effective 2023-05-01 to 2028-04-30) and
/// an edited copy, 2.1.0 (effective from 2028-05-01), where <c>ClueScreening</c> is renamed <c>ClueIntake</c> and opens a
/// new 15-day <c>screening</c> deadline, <c>Referred</c> is renamed <c>ReferralReceived</c>, and the preliminary check
/// (R7, 30 days in 2.0.0) runs 45 days.
/// </summary>
public static class ClaimVersions
{
    private static readonly Lazy<string> Text210 = new(Edit);
    private static readonly Lazy<WorkflowCatalog> Loaded = new(() =>
    {
        var loaded = WorkflowCatalog.LoadDirectory(CreateFolder());
        return loaded.Catalog ?? throw new InvalidOperationException("the two-version catalog does not load:\n" + string.Join('\n', loaded.Problems));
    });

    /// <summary>The text of <c>claim-2.1.0.workflow.yaml</c>.</summary>
    public static string Claim210 => Text210.Value;

    /// <summary>The shipped catalog plus claim 2.1.0, loaded once.</summary>
    public static WorkflowCatalog Catalog => Loaded.Value;

    /// <summary>Copies <c>workflows/</c> to a new temporary folder and adds claim 2.1.0; returns the folder.</summary>
    public static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecodamage-migration-catalog", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Workflows, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(RepositoryPaths.Workflows, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(folder, "claim-2.1.0.workflow.yaml"), Claim210);
        return folder;
    }

    private static string Edit()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "claim.workflow.yaml")).ReplaceLineEndings("\n");
        text = Replace(text, "version: 2.0.0", "version: 2.1.0");
        text = Replace(text, "effective: { from: 2023-05-01, to: 2028-04-30 }", "effective: { from: 2028-05-01 }");
        text = Replace(text, "        period: 30d\n        remind: [7d, 1d]\n        overdue:\n          escalate: procuratorate", "        period: 45d\n        remind: [7d, 1d]\n        overdue:\n          escalate: procuratorate");
        text = Regex.Replace(text, @"\bClueScreening\b", "ClueIntake");
        text = Regex.Replace(text, @"\bReferred\b", "ReferralReceived");
        return Replace(text, "  ClueIntake:\n    zh: 线索筛查\n    en: Clue screening\n    owner: handlingDepartment\n",
            "  ClueIntake:\n    zh: 线索筛查\n    en: Clue screening\n    owner: handlingDepartment\n" +
            "    deadlines:\n      screening:\n        zh: 线索筛查期限（15日）\n        en: Clue screening period (15 days)\n        period: 15d\n        remind: [3d]\n        overdue: { escalate: procuratorate }\n");
    }

    private static string Replace(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(what, at + what.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"claim.workflow.yaml has not exactly one '{what}'");
        }

        return text.Replace(what, with, StringComparison.Ordinal);
    }
}
