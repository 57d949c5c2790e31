using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>A transition with its guard and assignments compiled.</summary>
internal sealed class CompiledTransition(
    string source,
    TransitionDefinition definition,
    CompiledExpression? guard,
    IReadOnlyList<(string Field, CompiledExpression Value)> assignments,
    IReadOnlyList<CompiledDeadline> deadlines)
{
    public string Source { get; } = source;

    public TransitionDefinition Definition { get; } = definition;

    public string Trigger => Definition.Trigger.Text;

    /// <summary>Where this transition's actions come from, as reported in <c>PerformedAction.Source</c>.</summary>
    public string ActionSource { get; } = $"transition:{source}/{definition.Trigger.Text}";

    public string? Target => Definition.Target?.Text;

    public CompiledExpression? Guard { get; } = guard;

    public IReadOnlyList<(string Field, CompiledExpression Value)> Assignments { get; } = assignments;

    /// <summary>Deadlines the transition opens, scoped to its target (or, internal, its own) state.</summary>
    public IReadOnlyList<CompiledDeadline> Deadlines { get; } = deadlines;

    public bool GuardHolds(IEvaluationContext context) => Guard is null || Guard.EvaluateBoolean(context);
}
