using System.Globalization;
using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>Compiles the schedules of a definition that passed validation.</summary>
internal static class ScheduleCompiler
{
    public static ScheduleSet Compile(WorkflowDefinition definition)
    {
        var schedules = new List<CompiledSchedule>();
        foreach (var state in definition.AllStates())
        {
            foreach (var s in state.Schedules)
            {
                schedules.Add(Compile(definition, state, s));
            }
        }

        var sums = definition.Fields
            .Where(f => f.Derived is not null)
            .Select(f => (f, f.Derived!))
            .ToList();
        return schedules.Count == 0 && sums.Count == 0 ? ScheduleSet.Empty : new ScheduleSet(schedules, sums);
    }

    private static CompiledSchedule Compile(WorkflowDefinition definition, StateDefinition state, ScheduleDefinition s)
    {
        var d = s.Deadline;
        var reminders = d.Reminders.Select(r => (r.Text, Parse(r.Text))).ToList();
        var deadline = new CompiledDeadline(
            d, state.Id, null, d.HolidayRule ?? definition.HolidayRule, reminders, d.RemindRole?.Text ?? state.Owner?.Text);
        var members = s.Members.ToDictionary(
            m => m.Name.Text,
            m => new FieldDefinition($"{s.Id}.{m.Name.Text}", s.Name, m.Type!.Value, [], null, [], m.Name.Position),
            StringComparer.Ordinal);
        return new CompiledSchedule(s, state.Id, deadline, members, s.Monthly is { } monthly ? Minimum(definition, monthly.Minimum) : null);
    }

    /// <summary>The monthly minimum: an integer literal or an integer parameter's value.</summary>
    public static int? Minimum(WorkflowDefinition definition, Token minimum)
    {
        const string prefix = "param.";
        if (minimum.Text.StartsWith(prefix, StringComparison.Ordinal))
        {
            var id = minimum.Text[prefix.Length..];
            return definition.Parameters.FirstOrDefault(p => p.Id == id) is { Type: DataType.Integer, Value: long value } && value is > 0 and <= int.MaxValue
                ? (int)value
                : null;
        }

        return int.TryParse(minimum.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    private static LegalPeriod Parse(string text) =>
        LegalPeriod.TryParse(text, out var period, out var error)
            ? period
            : throw new InvalidOperationException($"compiling an unvalidated period '{text}': {error}");
}
