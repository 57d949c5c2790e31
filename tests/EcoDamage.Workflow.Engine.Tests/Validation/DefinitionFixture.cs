using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>
/// A minimal valid definition (<see cref="Base"/>), the reference files it needs, and helpers that inject one
/// fault and load it with <see cref="WorkflowCatalog.Load"/>. Line numbers in tests refer to <see cref="Base"/>.
/// </summary>
internal static class DefinitionFixture
{
    public const string DefinitionPath = "mini.workflow.yaml";

    public const string Roles = """
        roles:
          clerk: { zh: 办事员, en: Clerk }
        """;

    public const string Table = """
        id: routing
        zh: 路由
        en: Routing
        rows: { a: deptA, b: deptB }
        """;

    /// <summary>Lines 1–41; every trigger used, one deadline, one guard, three states.</summary>
    public const string Base = """
        id: mini
        version: 1.0.0
        zh: 最小流程
        en: Minimal
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        data:
          amount: { type: money, zh: 金额, en: Amount }
          decidedOn: { type: date, zh: 决定日, en: Decided on }
          kind: { type: enum, zh: 类别, en: Kind, values: [a, b] }
        documents:
          letter: { zh: 函, en: Letter }
        triggers:
          Submit: { zh: 提交, en: Submit, roles: [clerk], inputs: [amount] }
          Approve: { zh: 批准, en: Approve, roles: [clerk] }
          Expire: { zh: 过期, en: Expire, roles: [system] }
        initial: Draft
        states:
          Draft:
            zh: 草稿
            en: Draft
            owner: clerk
            on:
              Submit: Review
          Review:
            zh: 审查
            en: Review
            owner: clerk
            deadlines:
              review:
                zh: 审查期限
                en: Review period
                period: 10d
                overdue: { fire: Expire }
            on:
              Approve: { to: Done, guard: "amount > 0" }
              Expire: Done
          Done:
            zh: 完成
            en: Done
            terminal: true
        """;

    /// <summary>A callee for <c>call</c> tests: one terminal state, <c>Finished</c>.</summary>
    public const string Child = """
        id: child
        version: 1.0.0
        zh: 子流程
        en: Child
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        triggers:
          Finish: { zh: 完成, en: Finish, roles: [clerk] }
        initial: Working
        states:
          Working:
            zh: 办理
            en: Working
            on:
              Finish: Finished
          Finished:
            zh: 已完成
            en: Finished
            terminal: true
        """;

    /// <summary>The deadline block of Review (lines 29–34).</summary>
    public const string ReviewDeadlines = """
            deadlines:
              review:
                zh: 审查期限
                en: Review period
                period: 10d
                overdue: { fire: Expire }

        """;

    private static readonly Lazy<string> CalendarText = new(() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "calendars", "cn-mainland.yaml")));

    public static string Calendar => CalendarText.Value;

    /// <summary><see cref="Base"/> with <paramref name="find"/> (which must occur exactly once) replaced.</summary>
    public static string With(string find, string replace) => With(Base, find, replace);

    public static string With(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture text does not contain '{find}'");
        Assert.True(text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"fixture text contains '{find}' more than once");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    /// <summary>Review calling a sub-process instead of holding a deadline: its <c>call:</c> line is line 29.</summary>
    public static string WithCall(string callLine) => With(ReviewDeadlines, $"    {callLine}\n");

    /// <summary>Loads <paramref name="definition"/> with the roles, the shipped calendar and any extra files.</summary>
    public static CatalogLoadResult Load(string definition, params CatalogFile[] extra) =>
        WorkflowCatalog.Load([
            new CatalogFile("roles.yaml", Roles),
            new CatalogFile("calendars/cn-mainland.yaml", Calendar),
            .. extra,
            new CatalogFile(DefinitionPath, definition),
        ]);

    public static CatalogLoadResult LoadWithChild(string definition) =>
        Load(definition, new CatalogFile("child.workflow.yaml", Child));

    /// <summary>Asserts the exact problems (rule, position, message) in order, all in <paramref name="file"/>.</summary>
    public static void AssertProblems(
        IReadOnlyList<Problem> actual,
        params (string Rule, int Line, int Column, string Message)[] expected) =>
        AssertProblemsIn(DefinitionPath, actual, expected);

    public static void AssertProblemsIn(
        string file,
        IReadOnlyList<Problem> actual,
        params (string Rule, int Line, int Column, string Message)[] expected)
    {
        var want = string.Join('\n', expected.Select(e => $"{file}:{e.Line}:{e.Column} {e.Rule} {e.Message}"));
        var got = string.Join('\n', actual.Select(p => $"{p.Position.File}:{p.Position.Line}:{p.Position.Column} {p.RuleId} {p.Message}"));
        Assert.True(want == got, $"problems differ\nexpected:\n{want}\nactual:\n{got}");
    }
}
