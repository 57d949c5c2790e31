using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>The schedules of one compiled definition, by id, with the fields derived from them.</summary>
internal sealed class ScheduleSet
{
    public ScheduleSet(IReadOnlyList<CompiledSchedule> schedules, IReadOnlyList<(FieldDefinition Field, ScheduleSum Sum)> sums)
    {
        All = schedules;
        ById = schedules.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Sums = sums;
    }

    /// <summary>A definition without schedules.</summary>
    public static ScheduleSet Empty { get; } = new([], []);

    public IReadOnlyList<CompiledSchedule> All { get; }

    public IReadOnlyDictionary<string, CompiledSchedule> ById { get; }

    /// <summary>Fields derived as a sum over a schedule's items.</summary>
    public IReadOnlyList<(FieldDefinition Field, ScheduleSum Sum)> Sums { get; }

    /// <summary>The deadlines the schedules open, for <see cref="CompiledWorkflow.DeadlinesById"/>.</summary>
    public IEnumerable<CompiledDeadline> Deadlines => All.Select(s => s.Deadline);
}
