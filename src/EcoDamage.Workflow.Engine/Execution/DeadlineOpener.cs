using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>Opens a deadline on a case being changed: its anchor, due instant, last day and reminders.</summary>
internal static class DeadlineOpener
{
    /// <summary>Opens <paramref name="deadline"/>, or adds a refusal when its anchor or due field has no value.</summary>
    public static void Open(CaseBuilder builder, CompiledWorkflow workflow, CompiledDeadline deadline, Instant at, FireResult result)
    {
        var zone = workflow.Calculator.Calendar.Zone;
        if (deadline.Definition.DueField is { } dueField)
        {
            if (builder.TryGetData(dueField.Text, out var d) && d is LocalDate lastDay)
            {
                Add(builder, workflow, deadline, at, at, workflow.Calculator.DueOn(lastDay, deadline.HolidayRule), result);
            }
            else
            {
                builder.Refusals.Add(new Refusal(RefusalKind.MissingData, $"deadline '{deadline.Definition.Id}' is due on field '{dueField.Text}', which has no value", dueField.Text));
            }

            return;
        }

        Instant anchor;
        var name = deadline.Definition.Anchor.Name?.Text;
        switch (deadline.Definition.Anchor.Kind)
        {
            case AnchorKind.Field when builder.TryGetData(name!, out var v) && v is LocalDate date:
                anchor = zone.AtStartOfDay(date).ToInstant();
                break;
            case AnchorKind.Document when builder.Documents.TryGetValue(name!, out var doc):
                anchor = zone.AtStartOfDay(doc.ServedOn).ToInstant();
                break;
            case AnchorKind.Entered:
                anchor = at;
                break;
            default:
                builder.Refusals.Add(new Refusal(
                    deadline.Definition.Anchor.Kind == AnchorKind.Field ? RefusalKind.MissingData : RefusalKind.MissingDocument,
                    $"deadline '{deadline.Definition.Id}' counts from {deadline.Definition.Anchor.Kind.ToString().ToLowerInvariant()} '{name}', which the case does not have",
                    name));
                return;
        }

        Add(builder, workflow, deadline, at, anchor, workflow.Calculator.ComputeDue(anchor, deadline.Period!.Value, deadline.HolidayRule), result);
    }

    private static void Add(
        CaseBuilder builder, CompiledWorkflow workflow, CompiledDeadline deadline, Instant at, Instant anchor, DueDate due, FireResult result)
    {
        Add(builder, workflow, deadline, $"{workflow.Definition.Id}/{deadline.Definition.Id}#", deadline.Definition.Id, at, anchor, due, result);
    }

    /// <summary>
    /// Adds an open deadline keyed <paramref name="prefix"/> + its ordinal among the keys with that prefix, with its
    /// reminders (a reminder whose moment has already passed when the deadline opens is skipped, not sent late). State
    /// deadlines and schedule items or months (<c>claim/instalments@2#1</c>) are opened alike.
    /// </summary>
    public static void Add(
        CaseBuilder builder, CompiledWorkflow workflow, CompiledDeadline deadline, string prefix, string deadlineId, Instant at, Instant anchor, DueDate due, FireResult result)
    {
        var reminders = deadline.Reminders
            .Select(r =>
            {
                var remindAt = workflow.Calculator.ComputeReminder(due.Due, r.Before);
                return new ReminderInstance(r.Text, remindAt, Sent: remindAt <= at);
            })
            .ToImmutableArray();
        var n = 1;
        foreach (var d in builder.Deadlines)
        {
            if (d.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                n++;
            }
        }

        var instance = new DeadlineInstance(
            $"{prefix}{n}", workflow.Definition.Id, deadlineId, deadline.State, at, anchor, due.Due, due.LastDay,
            due.Provisional, deadline.RemindRole, reminders, DeadlineStatus.Open);
        builder.Deadlines = builder.Deadlines.Add(instance);
        result.AddOpened(instance);
    }
}
