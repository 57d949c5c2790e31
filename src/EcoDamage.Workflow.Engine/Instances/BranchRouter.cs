using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>
/// Routes a fired trigger to a branch of a multi-instance call and fires it there: the branch named by
/// <see cref="FireRequest.Branch"/>, else the one running branch that handles the trigger (several: refusal
/// <see cref="RefusalKind.BranchRequired"/> listing them); none: the case's own frames take it. When the last
/// branch of a call ends, the parent's outcome trigger fires (<see cref="BranchOutcome"/>).
/// </summary>
/// <param name="engine">Fires in a branch's view and in the parent.</param>
internal sealed class BranchRouter(WorkflowEngine engine)
{
    /// <summary>Fires in a branch when the request names one or a branch handles the trigger; false: not a branch's trigger.</summary>
    public bool TryFire(CaseInstance @case, FireRequest request, out FireResult result)
    {
        result = null!;
        if (request.Branch is { } named)
        {
            var branch = @case.Branches.FirstOrDefault(b => b.Key == named);
            if (branch is null)
            {
                var running = @case.Branches.IsEmpty ? "none" : string.Join(", ", @case.Branches.Select(b => b.Key));
                result = FireResult.Refused(@case, request.Trigger, new Refusal(
                    RefusalKind.InvalidData, $"case '{@case.Id}' has no branch '{named}' (branches: {running})", "branch"));
                return true;
            }

            if (Ended(branch))
            {
                result = FireResult.Refused(@case, request.Trigger, new Refusal(
                    RefusalKind.NotPermittedInState, $"branch '{named}' has ended in {branch.State}", request.Trigger));
                return true;
            }

            result = FireIn(@case, branch, request);
            return true;
        }

        if (@case.Branches.IsEmpty)
        {
            return false;
        }

        var handling = @case.Branches.Where(b => !Ended(b) && Handles(b, request.Trigger)).ToList();
        if (handling.Count == 0)
        {
            return false;
        }

        if (handling.Count > 1)
        {
            var keys = string.Join(", ", handling.Select(b => b.Key));
            result = FireResult.Refused(@case, request.Trigger, new Refusal(
                RefusalKind.BranchRequired, $"'{request.Trigger}' is handled in branches {keys}: name one in 'branch'", keys));
            return true;
        }

        result = FireIn(@case, handling[0], request);
        return true;
    }

    /// <summary>True when the branch's called definition reached a terminal state.</summary>
    public bool Ended(CaseBranch branch) => engine.Workflow(branch.Frames[0]).States.Find(branch.Frames[0].State)?.Terminal == true;

    /// <summary>The triggers each running branch handles that <paramref name="role"/> may fire.</summary>
    public IReadOnlyList<(string Branch, IReadOnlyList<Definitions.TriggerDefinition> Triggers)> Permitted(CaseInstance @case, string role) =>
        @case.Branches.Where(b => !Ended(b))
            .Select(b => (b.Key, engine.PermittedTriggers(BranchView.Of(@case, b), role)))
            .ToArray();

    private bool Handles(CaseBranch branch, string trigger)
    {
        foreach (var frame in branch.Frames)
        {
            if (engine.Workflow(frame).Handles(frame.State, trigger))
            {
                return true;
            }
        }

        return false;
    }

    private FireResult FireIn(CaseInstance @case, CaseBranch branch, FireRequest request)
    {
        var inner = engine.Fire(BranchView.Of(@case, branch), request with { Branch = null });
        if (!inner.Accepted)
        {
            return FireResult.Refused(@case, request.Trigger, inner.Refusals);
        }

        var merged = BranchView.Merge(@case, branch, inner.Case);
        inner.Case = merged;
        inner.Branch = branch.Key;
        inner.MapDeadlines(d => BranchView.FromView(d, branch.Key));
        var updated = merged.Branches.First(b => b.Key == branch.Key);
        if (Ended(updated))
        {
            BranchOutcome.Complete(engine, this, inner, updated, request.At);
        }

        return inner;
    }
}
