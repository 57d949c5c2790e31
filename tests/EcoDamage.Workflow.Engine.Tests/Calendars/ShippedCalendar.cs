using EcoDamage.Workflow.Engine.Calendars;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

/// <summary>The real calendar file shipped in workflows/calendars, found from the test's base directory.</summary>
internal static class ShippedCalendar
{
    private static readonly Lazy<HolidayCalendar> Loaded = new(() =>
    {
        var result = HolidayCalendarLoader.LoadFile(Path);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Calendar;
    });

    public static string Path => System.IO.Path.Combine(RepositoryRoot(), "workflows", "calendars", "cn-mainland.yaml");

    public static HolidayCalendar Calendar => Loaded.Value;

    public static DeadlineCalculator Calculator => new(Calendar);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EcoDamage.Workflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EcoDamage.Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
