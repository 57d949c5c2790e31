using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>
/// Loads a holiday calendar file (YAML; see <c>workflows/calendars/cn-mainland.yaml</c>) and reports
/// every problem with its position and rule id instead of throwing.
/// </summary>
/// <remarks>
/// Format: top-level <c>id</c>, optional <c>title: { zh, en }</c>, <c>zone</c> (a TZDB id) and
/// <c>years</c>, a mapping from four-digit year to <c>{ source?, holidays, workdays }</c>; each holiday is
/// <c>{ name: { zh, en }, from, to }</c> (inclusive ISO dates), <c>workdays</c> lists the make-up working days.
/// </remarks>
public static class HolidayCalendarLoader
{
    /// <summary>Reads and loads a calendar file.</summary>
    /// <param name="path">The file path; it is also the path reported in problems.</param>
    /// <returns>The calendar, or all problems (an unreadable file is a whole-file CAL001 problem).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static CalendarLoadResult LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            return Unreadable(path, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Unreadable(path, e.Message);
        }

        return LoadText(text, path);
    }

    /// <summary>Loads a calendar from YAML text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="displayPath">The path to report in problems, e.g. the file name the text came from.</param>
    /// <returns>The calendar, or all problems found.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CalendarLoadResult LoadText(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(displayPath);
        var sink = new ProblemSink(displayPath);
        var root = YamlNodeReader.Read(text, displayPath, sink.Problems, YamlDialect.Calendars);
        return sink.Result(root is null ? null : CalendarDocumentReader.Read(root, sink));
    }

    private static CalendarLoadResult Unreadable(string path, string reason)
    {
        var sink = new ProblemSink(path);
        sink.AddWholeFile(CalendarRuleIds.MalformedYaml, $"The calendar file cannot be read: {reason}");
        return sink.Result(null);
    }
}
