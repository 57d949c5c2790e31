using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>
/// Checks and types the items of a schedule's record list: only declared members, each present and of its
/// type; numbers and amounts above zero; due dates from today on and strictly ascending after the items
/// already recorded; a monthly item not dated after today. Each refusal names <c>schedule[index].member</c>.
/// </summary>
internal static class ScheduleItems
{
    public static ImmutableList<ScheduleItem> Coerce(
        CompiledSchedule schedule, RecordList items, ImmutableList<ScheduleItem> existing, LocalDate today, Instant at, List<Refusal> refusals)
    {
        var added = ImmutableList.CreateBuilder<ScheduleItem>();
        var lastDue = existing.Count > 0 ? existing[^1].Values.GetValueOrDefault(ScheduleDefinition.DueMember) as LocalDate? : null;
        var dateMember = schedule.Definition.Monthly?.DateMember.Text;
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{schedule.Id}[{i}]";
            var values = RecordCoercion.Coerce(items[i], schedule.Members, $"schedule '{schedule.Id}'", path, refusals, out var failed);
            var ok = failed.Count == 0;

            foreach (var member in schedule.Members.Keys.Where(m => !values.ContainsKey(m) && !failed.Contains(m)))
            {
                refusals.Add(new Refusal(RefusalKind.MissingData, $"item {i + 1} of schedule '{schedule.Id}' has no '{member}'", $"{path}.{member}"));
                ok = false;
            }

            ok &= CheckValues(schedule, values, path, ref lastDue, dateMember, today, refusals);
            if (ok)
            {
                added.Add(new ScheduleItem(existing.Count + added.Count + 1, values.ToImmutableDictionary(StringComparer.Ordinal), at));
            }
        }

        return added.ToImmutable();
    }

    private static bool CheckValues(
        CompiledSchedule schedule, Dictionary<string, object?> values, string path, ref LocalDate? lastDue, string? dateMember, LocalDate today, List<Refusal> refusals)
    {
        var ok = true;
        foreach (var (member, value) in values)
        {
            if (value is decimal and <= 0m || value is long and <= 0L)
            {
                refusals.Add(new Refusal(RefusalKind.InvalidData, $"'{member}' of {path} must be more than 0 (R25, R24: what is owed or performed is never zero or negative)", $"{path}.{member}"));
                ok = false;
            }
        }

        if (schedule.Minimum is null && values.GetValueOrDefault(ScheduleDefinition.DueMember) is LocalDate due)
        {
            if (due < today)
            {
                refusals.Add(new Refusal(RefusalKind.InvalidData, $"due date {due:uuuu-MM-dd} of {path} is before today ({today:uuuu-MM-dd})", $"{path}.{ScheduleDefinition.DueMember}"));
                ok = false;
            }
            else if (lastDue is { } previous && due <= previous)
            {
                refusals.Add(new Refusal(RefusalKind.InvalidData, $"due dates must ascend: {due:uuuu-MM-dd} of {path} is not after {previous:uuuu-MM-dd}", $"{path}.{ScheduleDefinition.DueMember}"));
                ok = false;
            }

            lastDue = due;
        }

        if (dateMember is not null && values.GetValueOrDefault(dateMember) is LocalDate date && date > today)
        {
            refusals.Add(new Refusal(RefusalKind.InvalidData, $"{path} is dated {date:uuuu-MM-dd}, after today ({today:uuuu-MM-dd}): only what has taken place is recorded", $"{path}.{dateMember}"));
            ok = false;
        }

        return ok;
    }
}
