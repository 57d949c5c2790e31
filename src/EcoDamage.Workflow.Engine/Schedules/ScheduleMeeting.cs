using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// A trigger with <c>meets:</c> performs one item: the item named by its data must exist and be outstanding;
/// both are read from this fire's own data, never from values left on the case by an earlier fire;
/// an amount must be above zero and not more than the item still owes (partial amounts accumulate). A met
/// item's deadline closes.
/// </summary>
internal static class ScheduleMeeting
{
    public static void Apply(CaseBuilder builder, CompiledWorkflow workflow, ScheduleMeets meets, Instant at, FireResult result)
    {
        var schedule = workflow.Schedules.ById[meets.Schedule.Text];
        var itemField = meets.Item.Text;
        if (result.Changes.GetValueOrDefault(itemField) is not long number)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.MissingData, $"'{itemField}' names the item of schedule '{schedule.Id}' this performs", itemField));
            return;
        }

        var entry = ScheduleState.Find(builder.Schedules, workflow.Definition.Id, schedule.Id);
        var item = entry?.Items.FirstOrDefault(i => i.Number == number);
        if (entry is null || item is null)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.InvalidData, $"schedule '{schedule.Id}' has no item {number} (items: {entry?.Items.Count ?? 0})", itemField));
            return;
        }

        if (item.IsMet)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.InvalidData, $"item {number} of schedule '{schedule.Id}' is already met", itemField));
            return;
        }

        var performed = item.Performed;
        var met = true;
        if (meets.Amount is { } amountField)
        {
            if (result.Changes.GetValueOrDefault(amountField.Text) is not decimal amount)
            {
                builder.Refusals.Add(new Refusal(RefusalKind.MissingData, $"'{amountField.Text}' gives the amount performed on item {number} of '{schedule.Id}'", amountField.Text));
                return;
            }

            var owed = item.Values.GetValueOrDefault(ScheduleDefinition.AmountMember) as decimal? ?? 0m;
            if (amount <= 0m || amount > owed - performed)
            {
                builder.Refusals.Add(new Refusal(
                    RefusalKind.InvalidData,
                    $"'{amountField.Text}' {amount} must be more than 0 and at most the {owed - performed} still owed on item {number} of '{schedule.Id}'",
                    amountField.Text));
                return;
            }

            performed += amount;
            met = performed >= owed;
        }

        var updated = item with { Performed = performed, MetAt = met ? at : null };
        builder.Schedules = ScheduleState.With(builder.Schedules, entry with { Items = entry.Items.Replace(item, updated) });
        if (met)
        {
            ScheduleDeadlines.Close(builder, ScheduleDeadlines.Prefix(workflow, schedule, number.ToString(System.Globalization.CultureInfo.InvariantCulture)), at, result);
        }
    }
}
