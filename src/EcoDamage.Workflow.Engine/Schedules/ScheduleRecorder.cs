using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// The schedules' part of applying a fired trigger (called once by <see cref="TransitionApplier"/>, after the
/// states are entered and the transition's deadlines opened, so that it sees which schedules' states are active): records the items of the trigger's <c>schedule:</c> record lists, performs the item its
/// <c>meets:</c> names, opens a deadline for every outstanding item (and the current month) of each schedule
/// whose state is active, and recomputes the fields derived from schedules. Refusals go to the builder.
/// </summary>
internal static class ScheduleRecorder
{
    /// <summary>Applies the schedules' part of <paramref name="request"/>.</summary>
    /// <param name="builder">The case being changed.</param>
    /// <param name="workflow">The workflow of the frame the trigger fired in.</param>
    /// <param name="request">The request.</param>
    /// <param name="records">The request's record lists by key.</param>
    /// <param name="result">The result being built.</param>
    public static void Apply(
        CaseBuilder builder,
        CompiledWorkflow workflow,
        FireRequest request,
        IReadOnlyDictionary<string, RecordList> records,
        FireResult result)
    {
        if (workflow.Schedules.All.Count == 0)
        {
            return;
        }

        var trigger = workflow.Triggers[request.Trigger].Definition;
        var changed = false;
        // Indexed loops: this runs on every fire of a definition with schedules, and most record nothing.
        for (var i = 0; i < trigger.Schedule.Count; i++)
        {
            var id = trigger.Schedule[i].Text;
            changed |= Record(builder, workflow, workflow.Schedules.ById[id], records.GetValueOrDefault(id), request);
        }

        if (trigger.Meets is { } meets)
        {
            ScheduleMeeting.Apply(builder, workflow, meets, request.At, result);
            changed = true;
        }

        if (builder.Refusals.Count > 0 || (!changed && result.Entered.Count == 0))
        {
            // Without new items, a met item or an entered state, every outstanding item already has its deadline.
            return;
        }

        for (var i = 0; i < workflow.Schedules.All.Count; i++)
        {
            var schedule = workflow.Schedules.All[i];
            if (ScheduleDeadlines.StateActive(builder.Frames, workflow, schedule))
            {
                OpenDeadlines(builder, workflow, schedule, request, result);
            }
        }

        if (changed)
        {
            ScheduleSums.Derive(builder, workflow, result);
        }
    }

    private static bool Record(
        CaseBuilder builder, CompiledWorkflow workflow, CompiledSchedule schedule, RecordList? items, FireRequest request)
    {
        if (items is null || items.Count == 0)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.MissingData, $"'{schedule.Id}' must list at least one item of schedule '{schedule.Id}'", schedule.Id));
            return false;
        }

        var entry = ScheduleState.Find(builder.Schedules, workflow.Definition.Id, schedule.Id)
            ?? new CaseSchedule(workflow.Definition.Id, schedule.Id, []);
        var today = request.At.InZone(workflow.Calculator.Calendar.Zone).Date;
        var added = ScheduleItems.Coerce(schedule, items, entry.Items, today, request.At, builder.Refusals);
        if (added.Count != items.Count)
        {
            return false;
        }

        builder.Schedules = ScheduleState.With(builder.Schedules, entry with { Items = entry.Items.AddRange(added) });
        return true;
    }

    /// <summary>
    /// A deadline per outstanding item that has none active (so entering the state again reopens the
    /// outstanding ones), or the current month's for a monthly minimum.
    /// </summary>
    private static void OpenDeadlines(CaseBuilder builder, CompiledWorkflow workflow, CompiledSchedule schedule, FireRequest request, FireResult result)
    {
        if (schedule.Minimum is not null)
        {
            ScheduleMonths.Update(builder, workflow, schedule, request.At, result);
            return;
        }

        var entry = ScheduleState.Find(builder.Schedules, workflow.Definition.Id, schedule.Id);
        foreach (var item in entry?.Items ?? ImmutableList<ScheduleItem>.Empty)
        {
            var prefix = ScheduleDeadlines.Prefix(workflow, schedule, item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (item.IsMet || ScheduleDeadlines.HasActive(builder, prefix)
                || item.Values.GetValueOrDefault(ScheduleDefinition.DueMember) is not NodaTime.LocalDate due)
            {
                continue;
            }

            ScheduleDeadlines.Open(builder, workflow, schedule, prefix, due, request.At, request.At, result);
        }
    }
}
