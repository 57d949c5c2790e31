using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Diffing;

/// <summary>
/// The shipped claim and consultation 2.0.0, and 2.1.0 versions made from their text by the edits an administrator
/// would make when the rules change; the edited texts load and validate in a catalog of their own.
/// </summary>
internal static class NextVersions
{
    public static string ClaimText => Read("claim.workflow.yaml");

    public static string ConsultationText => Read("consultation.workflow.yaml");

    /// <summary>
    /// claim 2.1.0 in force from 2027-01-01: the simplified-procedure ceiling raised to ¥1,000,000 (R13, N8) and its guard
    /// made inclusive; experts no longer deliver appraisals; archiving opened to the ecology bureau, with a new terminal
    /// state for archived clues; a third reminder of the preliminary check (R7); the court's 15-day period to issue a
    /// payment order (N5) no longer tracked.
    /// </summary>
    public static string ClaimNext => Replace(
        ClaimText,
        ("version: 2.0.0", "version: 2.1.0"),
        ("effective: { from: 2023-05-01, to: 2028-04-30 }", "effective: { from: 2027-01-01 }"),
        ("    value: 500000\n", "    value: 1000000\n"),
        ("roles: [appraisalInstitution, handlingDepartment, expert]", "roles: [appraisalInstitution, handlingDepartment]"),
        ("Archive: { zh: 归档, en: Archive, roles: [handlingDepartment] }", "Archive: { zh: 归档, en: Archive, roles: [handlingDepartment, ecologyBureau] }"),
        ("      StartPreliminaryCheck: PreliminaryCheck\n", "      StartPreliminaryCheck: PreliminaryCheck\n      Archive: ClueArchived\n"),
        ("  ClueDismissed:\n", "  ClueArchived:\n    zh: 线索已归档\n    en: Clue archived\n    terminal: true\n  ClueDismissed:\n"),
        ("guard: \"estimatedDamage < param.simplifiedThreshold", "guard: \"estimatedDamage <= param.simplifiedThreshold"),
        ("        remind: [7d, 1d]\n        overdue:\n          escalate: procuratorate", "        remind: [7d, 3d, 1d]\n        overdue:\n          escalate: procuratorate"),
        (Between(ClaimText, "            deadlines:\n              paymentOrderIssue:", "            on:\n              IssuePaymentOrder:"), string.Empty));

    /// <summary>consultation 2.1.0: the consultation period (N3) lengthened from 90 to 120 days.</summary>
    public static string ConsultationNext => Replace(
        ConsultationText,
        ("version: 2.0.0", "version: 2.1.0"),
        ("effective: { from: 2023-05-01, to: 2028-04-30 }", "effective: { from: 2027-01-01 }"),
        ("zh: 磋商期限（90日）", "zh: 磋商期限（120日）"),
        ("en: Consultation period (90 days)", "en: Consultation period (120 days)"),
        ("period: 90d", "period: 120d"));

    public static WorkflowDefinition Claim => ShippedCatalog.Catalog.Find("claim", new SemanticVersion(2, 0, 0))!.Definition;

    public static WorkflowDefinition Consultation => ShippedCatalog.Catalog.Find("consultation", new SemanticVersion(2, 0, 0))!.Definition;

    /// <summary>The shipped catalog with claim and consultation replaced by <paramref name="claim"/> and <paramref name="consultation"/>.</summary>
    public static WorkflowCatalog Catalog(string claim, string consultation)
    {
        var root = RepositoryPaths.Workflows;
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(p => new CatalogFile(p, p switch
            {
                "claim.workflow.yaml" => claim,
                "consultation.workflow.yaml" => consultation,
                _ => File.ReadAllText(Path.Combine(root, p)),
            }))
            .ToList();
        var result = WorkflowCatalog.Load(files);
        return result.Catalog ?? throw new InvalidOperationException(string.Join('\n', result.Problems));
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file));

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..to];
    }

    private static string Replace(string text, params (string Old, string New)[] edits)
    {
        foreach (var (old, now) in edits)
        {
            Assert.True(text.Contains(old, StringComparison.Ordinal), $"edit target not found: {old}");
            text = text.Replace(old, now, StringComparison.Ordinal);
        }

        return text;
    }
}
