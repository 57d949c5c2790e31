using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

public sealed partial class WorkflowEngine
{
    /// <summary>Enters a new frame's initial state chain (case start, or a call starting).</summary>
    private void EnterFrame(CaseBuilder builder, int frameIndex, CompiledWorkflow workflow, Instant at, FireResult result)
    {
        var chain = new List<StateDefinition>();
        for (StateDefinition? s = workflow.States.Find(workflow.Definition.Initial.Text); s is not null;)
        {
            chain.Add(s);
            s = s.Initial is { } i ? workflow.States.Find(i.Text) : null;
        }

        builder.Frames = builder.Frames.SetItem(frameIndex, builder.Frames[frameIndex] with { State = chain[^1].Id });
        foreach (var state in chain)
        {
            EnterState(builder, frameIndex, workflow, state.Id, at, result);
        }
    }

    private void EnterState(CaseBuilder builder, int frameIndex, CompiledWorkflow workflow, string stateId, Instant at, FireResult result)
    {
        var state = workflow.States.Find(stateId)!;
        result.AddEntered(stateId);
        var deadlines = workflow.DeadlinesByState[stateId];
        for (var i = 0; i < deadlines.Count; i++)
        {
            OpenDeadline(builder, workflow, deadlines[i], at, result);
        }

        AddActions(result, state.OnEntry, "state:", stateId, ":onEntry");
        if (state.Call is not { } call)
        {
            return;
        }

        var date = at.InZone(workflow.Calculator.Calendar.Zone).Date;
        var callee = call.Version is { } v && SemanticVersion.TryParse(v.Text, out var pinned)
            ? Catalog.Find(call.Workflow.Text, pinned)
            : Catalog.FindInForce(call.Workflow.Text, date) ?? Catalog.Latest(call.Workflow.Text);
        if (callee is null)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.DefinitionNotFound, $"state '{stateId}' calls '{call.Workflow.Text}', which has no version in force", call.Workflow.Text));
            return;
        }

        builder.Frames = builder.Frames.Add(new CaseFrame(callee.Definition.Id, callee.Definition.Version, callee.Definition.Initial.Text));
        builder.History = builder.History.Add(new HistoryEntry(
            at, HistoryKind.CallStarted, callee.Key, stateId, callee.Definition.Initial.Text, null, Actor.System.Id, Actor.System.Role,
            ImmutableDictionary<string, object?>.Empty));
        EnterFrame(builder, builder.Frames.Length - 1, callee, at, result);
    }

    private static void OpenDeadline(CaseBuilder builder, CompiledWorkflow workflow, CompiledDeadline deadline, Instant at, FireResult result)
    {
        var zone = workflow.Calculator.Calendar.Zone;
        if (deadline.Definition.DueField is { } dueField)
        {
            if (builder.TryGetData(dueField.Text, out var d) && d is LocalDate lastDay)
            {
                AddDeadline(builder, workflow, deadline, at, at, workflow.Calculator.DueOn(lastDay, deadline.HolidayRule), result);
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

        AddDeadline(builder, workflow, deadline, at, anchor, workflow.Calculator.ComputeDue(anchor, deadline.Period!.Value, deadline.HolidayRule), result);
    }

    private static void AddDeadline(
        CaseBuilder builder, CompiledWorkflow workflow, CompiledDeadline deadline, Instant at, Instant anchor, DueDate due, FireResult result)
    {
        var reminders = deadline.Reminders
            .Select(r =>
            {
                // A reminder whose moment has already passed when the deadline opens is skipped, not sent late.
                var remindAt = workflow.Calculator.ComputeReminder(due.Due, r.Before);
                return new ReminderInstance(r.Text, remindAt, Sent: remindAt <= at);
            })
            .ToImmutableArray();
        var prefix = $"{workflow.Definition.Id}/{deadline.Definition.Id}#";
        var n = 1;
        foreach (var d in builder.Deadlines)
        {
            if (d.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                n++;
            }
        }

        var instance = new DeadlineInstance(
            $"{prefix}{n}", workflow.Definition.Id, deadline.Definition.Id, deadline.State, at, anchor, due.Due, due.LastDay,
            due.Provisional, deadline.RemindRole, reminders, DeadlineStatus.Open);
        builder.Deadlines = builder.Deadlines.Add(instance);
        result.AddOpened(instance);
    }
}
