using System.Globalization;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>A problem found while loading a calendar file.</summary>
/// <param name="Path">The file path (or display path) the problem is in.</param>
/// <param name="Line">The 1-based line; 0 when the problem concerns the whole file.</param>
/// <param name="Column">The 1-based column; 0 when the problem concerns the whole file.</param>
/// <param name="RuleId">The rule broken, one of <see cref="CalendarRuleIds"/>.</param>
/// <param name="Message">An English explanation.</param>
public sealed record CalendarProblem(string Path, int Line, int Column, string RuleId, string Message)
{
    /// <summary>Returns <c>path(line,column): RuleId: message</c>, the usual compiler layout.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}({Line},{Column}): {RuleId}: {Message}");
}
