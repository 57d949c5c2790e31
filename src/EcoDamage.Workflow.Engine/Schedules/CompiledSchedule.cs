using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>A schedule ready to run: its owning state, its deadline compiled and its members as fields for coercion.</summary>
/// <param name="Definition">The declaration.</param>
/// <param name="State">The state that declares it (its deadlines close when the state is left).</param>
/// <param name="Deadline">The compiled deadline each item or month opens.</param>
/// <param name="Members">Each member as a field, for coercing recorded values.</param>
/// <param name="Minimum">The monthly minimum; null for a deadline per item.</param>
internal sealed record CompiledSchedule(
    ScheduleDefinition Definition,
    string State,
    CompiledDeadline Deadline,
    IReadOnlyDictionary<string, FieldDefinition> Members,
    int? Minimum)
{
    public string Id => Definition.Id;
}
