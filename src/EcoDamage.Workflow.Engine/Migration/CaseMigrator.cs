using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>
/// Moves one case to another version of its root definition, as a <see cref="MigrationPlan"/> says: the root frame is
/// re-pinned and its state mapped, open deadlines are kept, recomputed or closed, and deadlines the new state (or an
/// ancestor) declares that are not open are opened from their anchors. Nothing is entered or fired: no entry action
/// runs, no completed step is redone, no reminder already due is sent late.
/// </summary>
/// <remarks>
/// Covered: the root frame; a called sub-process frame of another definition stays as it is (pinned to its own
/// version) when the new state calls the same definition; multi-instance branches stay when their state keeps its id.
/// Not covered (the case is reported unmappable): a sub-process frame of the migrated definition itself, a call the
/// new state does not make. Deadlines declared on a transition are kept, recomputed or closed like the others but
/// never opened by a migration (which transition entered the state is not known to the new version).
/// </remarks>
public static class CaseMigrator
{
    /// <summary>Migrates <paramref name="case"/>.</summary>
    /// <param name="case">A case on <paramref name="from"/>.</param>
    /// <param name="plan">The plan (validated against the two versions).</param>
    /// <param name="from">The compiled version the case is on.</param>
    /// <param name="to">The compiled version it moves to.</param>
    /// <param name="at">The migration instant (closing and opening instant of deadlines).</param>
    /// <returns>The migrated case with its deadline changes, or the reason the plan cannot place it.</returns>
    public static CaseMigration Migrate(CaseInstance @case, MigrationPlan plan, CompiledWorkflow from, CompiledWorkflow to, Instant at)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (@case.Frames.IsDefaultOrEmpty)
        {
            return CaseMigration.Unmappable(@case, "the case runs no definition");
        }

        var root = @case.Frames[0];
        if (!string.Equals(root.DefinitionId, plan.DefinitionId, StringComparison.Ordinal) || root.Version != plan.From)
        {
            return CaseMigration.Unmappable(@case, $"the case is on {root.DefinitionKey}, not on {plan.DefinitionId}@{plan.From}");
        }

        var states = new StateMapping(plan, from, to);
        if (states.Map(root.State) is not { } mapped)
        {
            return CaseMigration.Unmappable(@case, $"state '{root.State}' is not mapped by the plan and {to.Key} does not declare it");
        }

        var target = to.States.Find(mapped)!;
        if (Placement(@case, root.State, target, to) is { } unplaced)
        {
            return CaseMigration.Unmappable(@case, unplaced);
        }

        var builder = new CaseBuilder(@case);
        builder.Frames = builder.Frames.SetItem(0, root with { Version = to.Definition.Version, State = mapped });
        var deadlines = new MigratedDeadlines(builder, states, plan, to, at);
        deadlines.Carry(target);
        if (deadlines.Open(@case, target) is { } refused)
        {
            return CaseMigration.Unmappable(@case, refused);
        }

        return new CaseMigration(@case.Id, root.State, mapped, builder.Build(), null)
        {
            Opened = deadlines.Opened,
            Closed = deadlines.Closed,
            Moved = deadlines.Moved,
        };
    }

    /// <summary>Why the case's inner frames or branches cannot stay under <paramref name="target"/>, or null.</summary>
    private static string? Placement(CaseInstance @case, string oldState, StateDefinition target, CompiledWorkflow to)
    {
        if (target.Substates.Count > 0)
        {
            return $"state '{oldState}' maps to '{target.Id}', which has sub-states in {to.Key}";
        }

        for (var i = 1; i < @case.Frames.Length; i++)
        {
            if (string.Equals(@case.Frames[i].DefinitionId, @case.Frames[0].DefinitionId, StringComparison.Ordinal))
            {
                return $"sub-process frame {@case.Frames[i].DefinitionKey} runs the migrated definition itself; such frames are not migrated";
            }
        }

        if (@case.Frames.Length > 1)
        {
            var callee = @case.Frames[1];
            if (target.Call is not { } call || call.ForEach is not null || !string.Equals(call.Workflow.Text, callee.DefinitionId, StringComparison.Ordinal))
            {
                return $"sub-process frame {callee.DefinitionKey} cannot be placed: state '{target.Id}' of {to.Key} does not call '{callee.DefinitionId}'";
            }
        }

        if (@case.Branches.Count > 0 && (!string.Equals(target.Id, oldState, StringComparison.Ordinal) || target.Call?.ForEach is null))
        {
            return $"the multi-instance branches of state '{oldState}' stay only in a state of the same id of {to.Key} that runs them";
        }

        return null;
    }
}
