using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>Checks an <see cref="ExpectStep"/> against the case: state, closed or open, supervision, data values.</summary>
internal static class Expectations
{
    /// <summary>What held and what failed, each as a line for the timeline, in the step's order.</summary>
    public static (List<string> Held, List<string> Failures) Evaluate(ExpectStep step, CaseInstance @case, WorkflowEngine engine)
    {
        var failures = new List<string>();
        var held = new List<string>();
        if (step.State is { } state)
        {
            var inState = @case.Frames.Any(f => engine.Workflow(f) is var w && w.States.Find(f.State) is { } leaf
                && w.States.SelfAndAncestors(leaf).Any(s => s.Id == state.Text));
            (inState ? held : failures).Add(inState ? $"in state {state.Text}" : $"expected state {state.Text}, but the case is in {string.Join(" / ", @case.States)}");
        }

        if (step.Closed is { } closed)
        {
            var isClosed = engine.IsClosed(@case);
            (isClosed == closed ? held : failures).Add(isClosed == closed ? (closed ? "closed" : "open") : $"expected the case {(closed ? "closed" : "open")}, but it is {(isClosed ? "closed" : "open")}");
        }

        if (step.SupervisedBy is { } role)
        {
            var supervised = @case.Supervision.Contains(role.Text);
            (supervised ? held : failures).Add(supervised ? $"supervised by {role.Text}" : $"expected supervision by {role.Text}, but supervised by [{string.Join(", ", @case.Supervision.Order(StringComparer.Ordinal))}]");
        }

        foreach (var value in step.Data)
        {
            var actual = @case.Data.TryGetValue(value.Field.Text, out var v) ? TimelineText.Text(v) : null;
            (actual == value.Value ? held : failures).Add(actual == value.Value
                ? $"{value.Field.Text} = {value.Value}"
                : $"expected {value.Field.Text} = {value.Value}, but it is {actual ?? "(no value)"}");
        }

        return (held, failures);
    }
}
