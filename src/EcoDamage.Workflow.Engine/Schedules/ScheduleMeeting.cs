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
    /// <summary>Performs the item a <c>meets:</c> trigger names, with the amount its data gives.</summary>
    public static void Apply(CaseBuilder builder, CompiledWorkflow workflow, ScheduleMeets meets, Instant at, FireResult result)
    {
        var itemField = meets.Item.Text;
        if (result.Changes.GetValueOrDefault(itemField) is not long number)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.MissingData, $"'{itemField}' names the item of schedule '{meets.Schedule.Text}' this performs", itemField));
            return;
        }

        decimal? amount = null;
        if (meets.Amount is { } amountField)
        {
            if (result.Changes.GetValueOrDefault(amountField.Text) is not decimal given)
            {
                builder.Refusals.Add(new Refusal(RefusalKind.MissingData, $"'{amountField.Text}' gives the amount performed on item {number} of '{meets.Schedule.Text}'", amountField.Text));
                return;
            }

            amount = given;
        }

        Perform(builder, workflow, meets.Schedule.Text, number, amount, (itemField, meets.Amount?.Text ?? itemField), at, result);
    }

    /// <summary>
    /// Performs item <paramref name="number"/> of schedule <paramref name="scheduleId"/>: wholly when
    /// <paramref name="amount"/> is null, else by that amount (also the entry point for a ledger's payment that
    /// names its instalment).
    /// </summary>
    /// <param name="builder">The case being changed; refusals go to it.</param>
    /// <param name="workflow">The workflow declaring the schedule.</param>
    /// <param name="scheduleId">The schedule.</param>
    /// <param name="number">The item's number.</param>
    /// <param name="amount">The amount performed, or null to meet the item at once.</param>
    /// <param name="subjects">What a refusal names: the item's input, the amount's input.</param>
    /// <param name="at">When.</param>
    /// <param name="result">The result being built (a met item's deadline is closed in it).</param>
    public static void Perform(
        CaseBuilder builder, CompiledWorkflow workflow, string scheduleId, long number, decimal? amount, (string Item, string Amount) subjects, Instant at, FireResult result)
    {
        var schedule = workflow.Schedules.ById[scheduleId];
        var entry = ScheduleState.Find(builder.Schedules, workflow.Definition.Id, schedule.Id);
        var item = entry?.Items.FirstOrDefault(i => i.Number == number);
        if (entry is null || item is null)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.InvalidData, $"schedule '{schedule.Id}' has no item {number} (items: {entry?.Items.Count ?? 0})", subjects.Item));
            return;
        }

        if (item.IsMet)
        {
            builder.Refusals.Add(new Refusal(RefusalKind.InvalidData, $"item {number} of schedule '{schedule.Id}' is already met", subjects.Item));
            return;
        }

        var performed = item.Performed;
        var met = true;
        if (amount is { } a)
        {
            var owed = item.Values.GetValueOrDefault(ScheduleDefinition.AmountMember) as decimal? ?? 0m;
            if (a <= 0m || a > owed - performed)
            {
                builder.Refusals.Add(new Refusal(
                    RefusalKind.InvalidData,
                    $"'{subjects.Amount}' {a} must be more than 0 and at most the {owed - performed} still owed on item {number} of '{schedule.Id}'",
                    subjects.Amount));
                return;
            }

            performed += a;
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
