using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Calendars.LoaderFixture;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class HolidayCalendarLoaderTests
{
    [Fact]
    public void LoadText_ValidText_ReturnsCalendar()
    {
        var result = HolidayCalendarLoader.LoadText(Valid, "test.yaml");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
        Assert.Equal("test", result.Calendar.Id);
        Assert.Equal(DayKind.MakeUpWorkday, result.Calendar.Classify(new LocalDate(2026, 2, 14)));
        Assert.Equal(DayKind.PublicHoliday, result.Calendar.Classify(new LocalDate(2026, 2, 15)));
    }

    [Fact]
    public void LoadText_MappingValueWhereNotAllowed_ReportsCal001()
    {
        var problem = Single(Valid.Replace("  2026:", "  2026: x"));
        AssertProblem(problem, 5, 13, "CAL001", "not well-formed YAML");
    }

    [Fact]
    public void LoadText_UnclosedFlowSequence_ReportsCal001AtBracket()
    {
        var problem = Single(Valid.Replace("zone: Asia/Shanghai", "zone: [Asia/Shanghai"));
        AssertProblem(problem, 2, 7, "CAL001", "not well-formed YAML");
    }

    [Fact]
    public void LoadText_AliasUsedAsKeyBeforeItsAnchor_ReportsCal001InsteadOfCrashing()
    {
        // YamlDotNet 18 overflows the stack on this; the loader rejects aliases before it resolves them.
        var problem = Single(Valid.Replace("        from: 2026-02-15", "        *x: 2026-02-15\n        &x y: 1"));
        AssertProblem(problem, 7, 9, "CAL001", "Aliases (*x) are not supported");
    }

    [Fact]
    public void LoadText_RepeatedFieldInHoliday_ReportsCal001AtSecondKey()
    {
        var problem = Single(Valid.Replace("        to: 2026-02-23", "        to: 2026-02-23\n        from: 2026-02-16"));
        AssertProblem(problem, 9, 9, "CAL001", "'from' appears twice");
    }

    [Fact]
    public void LoadText_MissingZone_ReportsCal002AtMapping()
    {
        var problem = Single(Valid.Replace("zone: Asia/Shanghai\n", ""));
        AssertProblem(problem, 1, 1, "CAL002", "Missing field 'zone'");
    }

    [Fact]
    public void LoadText_UnknownZone_ReportsCal002AtValue()
    {
        var problem = Single(Valid.Replace("Asia/Shanghai", "Mars/Olympus"));
        AssertProblem(problem, 2, 7, "CAL002", "Unknown time zone 'Mars/Olympus'");
    }

    [Fact]
    public void LoadText_MisspelledField_ReportsUnknownAndMissing()
    {
        var result = HolidayCalendarLoader.LoadText(Valid.Replace("    workdays:", "    workday:"), "test.yaml");

        Assert.Equal(2, result.Problems.Count);
        AssertProblem(result.Problems[0], 5, 5, "CAL002", "Missing field 'workdays' in year 2026");
        AssertProblem(result.Problems[1], 9, 5, "CAL002", "Unknown field 'workday'");
    }

    [Fact]
    public void LoadText_TwoDigitYear_ReportsCal002()
    {
        var problem = Single(Valid.Replace("  2026:", "  26:"));
        AssertProblem(problem, 4, 3, "CAL002", "'26' is not a year");
    }

    [Fact]
    public void LoadText_TitleWithoutEnglish_ReportsCal002()
    {
        var problem = Single(Valid.Replace("zone: Asia", "title: { zh: 测试 }\nzone: Asia"));
        AssertProblem(problem, 2, 8, "CAL002", "Missing field 'en' in the title");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void LoadText_EmptyFile_ReportsCal002(string text)
    {
        AssertProblem(Single(text), 1, 1, "CAL002", "The file is empty");
    }

    [Fact]
    public void ToString_Problem_UsesCompilerLayout()
    {
        var problem = Single(Valid.Replace("Asia/Shanghai", "Mars/Olympus"));
        Assert.StartsWith("test.yaml:2:7: error CAL002: Unknown time zone", problem.ToString(), StringComparison.Ordinal);
    }
}
