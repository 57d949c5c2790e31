using System.Globalization;

namespace EcoDamage.Workflow.Engine.Diagnostics;

/// <summary>One thing wrong with a definition or data file, with where and which rule.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="RuleId">A stable rule id such as <c>WF011</c> (see <c>docs/validation-rules.md</c>).</param>
/// <param name="Message">What is wrong, in English, naming the element.</param>
/// <param name="Position">File, line and column.</param>
public sealed record Problem(Severity Severity, string RuleId, string Message, SourcePosition Position)
{
    /// <summary>Compiler-style line: <c>file:line:col: error WF011: message</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Position}: {(Severity == Severity.Error ? "error" : "warning")} {RuleId}: {Message}");
}
