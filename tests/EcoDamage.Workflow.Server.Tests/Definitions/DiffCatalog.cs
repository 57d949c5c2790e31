using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests.Definitions;

/// <summary>
/// A host over a temporary copy of <c>workflows/</c> holding claim 2.0.0 (in force to 2026-12-31) and claim 2.1.0 (from
/// 2027-01-01): the simplified-procedure ceiling raised from ¥500,000 to ¥1,000,000 (R13, N8), experts no longer
/// delivering appraisals, and a new terminal state for archived clues reached from clue screening.
/// </summary>
public sealed class DiffCatalog : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecodamage-diff-").FullName;

    public DiffCatalog()
    {
        foreach (var directory in Directory.GetDirectories(RepositoryPaths.Workflows, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(RepositoryPaths.Workflows, _folder, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(RepositoryPaths.Workflows, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(RepositoryPaths.Workflows, _folder, StringComparison.Ordinal));
        }

        var claim = File.ReadAllText(Path.Combine(_folder, "claim.workflow.yaml"));
        File.WriteAllText(Path.Combine(_folder, "claim.workflow.yaml"), Edit(
            claim, ("effective: { from: 2023-05-01, to: 2028-04-30 }", "effective: { from: 2023-05-01, to: 2026-12-31 }")));
        File.WriteAllText(Path.Combine(_folder, "claim-2.1.0.workflow.yaml"), Edit(
            claim,
            ("version: 2.0.0", "version: 2.1.0"),
            ("effective: { from: 2023-05-01, to: 2028-04-30 }", "effective: { from: 2027-01-01 }"),
            ("    value: 500000\n", "    value: 1000000\n"),
            ("roles: [appraisalInstitution, handlingDepartment, expert]", "roles: [appraisalInstitution, handlingDepartment]"),
            ("      StartPreliminaryCheck: PreliminaryCheck\n", "      StartPreliminaryCheck: PreliminaryCheck\n      Archive: ClueArchived\n"),
            ("  ClueDismissed:\n", "  ClueArchived:\n    zh: 线索已归档\n    en: Clue archived\n    terminal: true\n  ClueDismissed:\n")));
        Factory = new ServerFactory { WorkflowsDirectory = _folder };
    }

    public ServerFactory Factory { get; }

    public HttpClient As(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public void Dispose()
    {
        Factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Edit(string text, params (string Old, string New)[] edits)
    {
        foreach (var (old, now) in edits)
        {
            Assert.Contains(old, text, StringComparison.Ordinal);
            text = text.Replace(old, now, StringComparison.Ordinal);
        }

        return text;
    }
}
