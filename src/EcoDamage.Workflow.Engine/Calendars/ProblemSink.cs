using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>Collects the problems of one calendar file while its readers walk it.</summary>
internal sealed class ProblemSink(string path, DuplicateKeyGuard guard)
{
    private readonly List<CalendarProblem> problems = [];

    public DuplicateKeyGuard Guard => guard;

    public int Count => problems.Count;

    public void Add(Mark at, string ruleId, string message) =>
        problems.Add(new CalendarProblem(path, ToInt(at.Line), ToInt(at.Column), ruleId, message));

    public void Add(YamlNode node, string ruleId, string message) => Add(node.Start, ruleId, message);

    public void AddWholeFile(string ruleId, string message) =>
        problems.Add(new CalendarProblem(path, 0, 0, ruleId, message));

    public CalendarLoadResult Result(HolidayCalendar? calendar) =>
        new(calendar, problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
