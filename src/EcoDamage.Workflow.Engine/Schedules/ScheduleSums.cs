using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>Keeps fields derived from schedules (<c>derived: { schedule, sum }</c>) equal to the sum over the items.</summary>
internal static class ScheduleSums
{
    public static void Derive(CaseBuilder builder, CompiledWorkflow workflow, FireResult result)
    {
        foreach (var (field, sum) in workflow.Schedules.Sums)
        {
            var entry = ScheduleState.Find(builder.Schedules, workflow.Definition.Id, sum.Schedule.Text);
            if (entry is null)
            {
                continue;
            }

            var total = 0m;
            foreach (var item in entry.Items)
            {
                total += item.Values.GetValueOrDefault(sum.Sum.Text) switch
                {
                    decimal d => d,
                    long l => l,
                    _ => 0m,
                };
            }

            object value = field.Type == DataType.Integer ? (long)total : total;
            var old = builder.TryGetData(field.Id, out var o) ? o : null;
            if (!Equals(old, value))
            {
                builder.SetData(field.Id, value);
                result.SetChange(field.Id, value);
            }
        }
    }
}
