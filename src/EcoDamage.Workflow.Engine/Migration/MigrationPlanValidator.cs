using EcoDamage.Workflow.Engine.Compilation;

namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>Checks a <see cref="MigrationPlan"/> against the two compiled versions it names and reports every problem at once.</summary>
public static class MigrationPlanValidator
{
    /// <summary>Validates <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="from">The version the cases are on, or null when the catalog has no such version.</param>
    /// <param name="to">The version they move to, or null when the catalog has no such version.</param>
    /// <returns>Every problem, in the plan's order (empty: the plan can be used).</returns>
    public static IReadOnlyList<MigrationPlanProblem> Validate(MigrationPlan plan, CompiledWorkflow? from, CompiledWorkflow? to)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<MigrationPlanProblem>();
        if (from is null)
        {
            problems.Add(new(MigrationPlanProblemCodes.UnknownVersion, "from", $"the catalog has no '{plan.DefinitionId}' version {plan.From}"));
        }

        if (to is null)
        {
            problems.Add(new(MigrationPlanProblemCodes.UnknownVersion, "to", $"the catalog has no '{plan.DefinitionId}' version {plan.To}"));
        }

        if (plan.From == plan.To)
        {
            problems.Add(new(MigrationPlanProblemCodes.SameVersion, "to", $"the plan migrates version {plan.From} onto itself"));
        }

        foreach (var (oldState, newState) in plan.StateMap)
        {
            var old = from?.States.Find(oldState);
            if (from is not null && old is null)
            {
                problems.Add(new(MigrationPlanProblemCodes.UnknownOldState, $"stateMap.{oldState}", $"state '{oldState}' is not declared by {from.Key}"));
            }

            var target = to?.States.Find(newState);
            if (to is not null && target is null)
            {
                problems.Add(new(MigrationPlanProblemCodes.UnknownNewState, $"stateMap.{oldState}", $"state '{newState}' is not declared by {to.Key}"));
            }
            else if (target is not null && target.Substates.Count > 0 && old is not null && old.Substates.Count == 0)
            {
                problems.Add(new(MigrationPlanProblemCodes.CompositeNewState, $"stateMap.{oldState}",
                    $"state '{newState}' of {to!.Key} has sub-states: map the leaf state '{oldState}' to one of them"));
            }
        }

        foreach (var deadlineId in plan.DeadlineOverrides.Keys)
        {
            if (from is not null && !from.DeadlinesById.ContainsKey(deadlineId))
            {
                problems.Add(new(MigrationPlanProblemCodes.UnknownDeadline, $"deadlineOverrides.{deadlineId}", $"deadline '{deadlineId}' is not declared by {from.Key}"));
            }
        }

        return problems;
    }
}
