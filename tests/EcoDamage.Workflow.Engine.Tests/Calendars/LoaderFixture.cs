using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

/// <summary>A small valid calendar text and assertions shared by the loader tests.</summary>
internal static class LoaderFixture
{
    // Line numbers matter: the loader tests assert positions in this text (columns are 1-based).
    public const string Valid = """
        id: test
        zone: Asia/Shanghai
        years:
          2026:
            holidays:
              - name: { zh: 春节, en: Spring Festival }
                from: 2026-02-15
                to: 2026-02-23
            workdays:
              - 2026-02-14
              - 2026-02-28

        """;

    public static Problem Single(string text)
    {
        var result = HolidayCalendarLoader.LoadText(text, "test.yaml");
        Assert.False(result.Succeeded);
        Assert.Null(result.Calendar);
        return Assert.Single(result.Problems);
    }

    public static void AssertProblem(Problem problem, int line, int column, string rule, string fragment)
    {
        Assert.Equal(("test.yaml", line, column, rule), (problem.Position.File, problem.Position.Line, problem.Position.Column, problem.RuleId));
        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
    }
}
