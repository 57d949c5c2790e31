using EcoDamage.Workflow.Engine.Calendars;
using static EcoDamage.Workflow.Engine.Tests.Calendars.LoaderFixture;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

/// <summary>Loader rules about dates: CAL003 to CAL006, and reporting several problems at once.</summary>
public class HolidayCalendarLoaderDateRuleTests
{
    [Fact]
    public void LoadText_February30_ReportsCal003()
    {
        var problem = Single(Valid.Replace("from: 2026-02-15", "from: 2026-02-30"));
        AssertProblem(problem, 7, 15, "CAL003", "'2026-02-30' is not a valid date");
    }

    [Fact]
    public void LoadText_HolidayEndingBeforeStart_ReportsCal003AtEnd()
    {
        var problem = Single(Valid.Replace("to: 2026-02-23", "to: 2026-02-13"));
        AssertProblem(problem, 8, 13, "CAL003", "ends (2026-02-13) before it starts (2026-02-15)");
    }

    [Fact]
    public void LoadText_WorkdayInPreviousYear_ReportsCal004()
    {
        var problem = Single(Valid.Replace("- 2026-02-14", "- 2025-12-27"));
        AssertProblem(problem, 10, 9, "CAL004", "2025-12-27 is not in the year 2026");
    }

    [Fact]
    public void LoadText_MakeUpWorkdayOnTuesday_ReportsCal005()
    {
        var problem = Single(Valid.Replace("- 2026-02-14", "- 2026-03-03"));
        AssertProblem(problem, 10, 9, "CAL005", "2026-03-03 is a Tuesday");
    }

    [Fact]
    public void LoadText_MakeUpWorkdayInsideHoliday_ReportsCal005()
    {
        var problem = Single(Valid.Replace("- 2026-02-14", "- 2026-02-21"));
        AssertProblem(problem, 10, 9, "CAL005", "falls inside the holiday Spring Festival (春节)");
    }

    [Fact]
    public void LoadText_OverlappingHolidays_ReportsCal005AtSecondHoliday()
    {
        var problem = Single(Valid.Replace(
            "    workdays:",
            "      - { name: { zh: 假, en: Fake }, from: 2026-02-23, to: 2026-02-24 }\n    workdays:"));
        AssertProblem(problem, 9, 9, "CAL005", "overlaps Spring Festival (春节) on 2026-02-23");
    }

    [Fact]
    public void LoadText_YearListedTwice_ReportsCal006AtSecondYear()
    {
        var problem = Single(Valid + "  2026:\n    holidays: []\n    workdays: []\n");
        AssertProblem(problem, 12, 3, "CAL006", "year 2026 is listed twice (first on line 4)");
    }

    [Fact]
    public void LoadText_SeveralProblems_ReportsAllInPositionOrder()
    {
        var text = Valid.Replace("Asia/Shanghai", "Mars/Olympus")
            .Replace("from: 2026-02-15", "from: 2026-2-15")
            .Replace("- 2026-02-28", "- 2026-02-27");

        var result = HolidayCalendarLoader.LoadText(text, "test.yaml");

        Assert.Equal(3, result.Problems.Count);
        AssertProblem(result.Problems[0], 2, 7, "CAL002", "Mars/Olympus");
        AssertProblem(result.Problems[1], 7, 15, "CAL003", "'2026-2-15'");
        AssertProblem(result.Problems[2], 11, 9, "CAL005", "2026-02-27 is a Friday");
    }
}
