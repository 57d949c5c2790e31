using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>Collects the problems of one calendar file while its readers walk it.</summary>
/// <param name="path">The file path reported in every problem.</param>
internal sealed class ProblemSink(string path)
{
    /// <summary>The problems so far (the YAML layer adds its own here).</summary>
    public ProblemList Problems { get; } = new();

    public int Count => Problems.Items.Count;

    public void Add(YNode node, string ruleId, string message) => Problems.Error(ruleId, message, node.Position);

    /// <summary>A problem about the whole file (it cannot be read): line and column 0.</summary>
    public void AddWholeFile(string ruleId, string message) => Problems.Error(ruleId, message, new SourcePosition(path, 0, 0));

    public CalendarLoadResult Result(HolidayCalendar? calendar) =>
        new(calendar, Problems.Items.OrderBy(p => p.Position.Line).ThenBy(p => p.Position.Column).ToList());
}
