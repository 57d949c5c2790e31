using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests;

internal static class TestFiles
{
    public static string Repair => File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "repair.workflow.yaml"));

    /// <summary>repair 2.1.0, in force after 2.0.0 ends: valid against the shipped catalog.</summary>
    public static string RepairNextVersion => Repair
        .Replace("version: 2.0.0", "version: 2.1.0", StringComparison.Ordinal)
        .Replace("effective: { from: 2023-05-01, to: 2028-04-30 }", "effective: { from: 2028-05-01 }", StringComparison.Ordinal);

    /// <summary>An unknown calendar (WF018, line 11) and an unknown initial state (WF011).</summary>
    public static string RepairBroken => RepairNextVersion
        .Replace("calendar: cn-mainland", "calendar: mars", StringComparison.Ordinal)
        .Replace("initial: RepairPlanning", "initial: Nowhere", StringComparison.Ordinal);

    public static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(fragment, StringComparison.Ordinal)).i + 1;
}
