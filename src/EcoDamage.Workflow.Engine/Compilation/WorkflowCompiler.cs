using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>Compiles a definition that passed validation. Compiling an invalid definition is a bug.</summary>
internal static class WorkflowCompiler
{
    public static CompiledWorkflow Compile(
        WorkflowDefinition definition,
        HolidayCalendar calendar,
        IReadOnlyDictionary<string, LookupTable> tables)
    {
        var states = new StateIndex(definition);
        var scope = DefinitionScope.For(definition);
        var fields = definition.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var triggers = definition.Triggers.ToDictionary(
            t => t.Id,
            t => new CompiledTrigger(t, t.Inputs.ToDictionary(i => i.Text, i => fields[i.Text], StringComparer.Ordinal)),
            StringComparer.Ordinal);

        var transitions = new Dictionary<string, List<CompiledTransition>>(StringComparer.Ordinal);
        var deadlines = new Dictionary<string, IReadOnlyList<CompiledDeadline>>(StringComparer.Ordinal);
        foreach (var state in definition.AllStates())
        {
            transitions[state.Id] = state.Transitions.Select(t => CompileTransition(definition, states, state, t, scope, fields)).ToList();
            deadlines[state.Id] = state.Deadlines.Select(d => CompileDeadline(definition, state, d)).ToList();
        }

        var lookups = definition.Fields
            .Where(f => f.Lookup is not null)
            .ToDictionary(f => f.Id, f => tables[f.Lookup!.Table.Text], StringComparer.Ordinal);
        return new CompiledWorkflow(
            definition, states, triggers, transitions, deadlines, fields, lookups, new DeadlineCalculator(calendar),
            Schedules.ScheduleCompiler.Compile(definition));
    }

    private static CompiledTransition CompileTransition(
        WorkflowDefinition definition,
        StateIndex states,
        StateDefinition state,
        TransitionDefinition t,
        Expressions.ExpressionScope scope,
        Dictionary<string, FieldDefinition> fields)
    {
        var deadlineScope = t.Target is { } target ? states.Find(target.Text)! : state;
        var guard = t.Guard is { } g ? Expect(ExpressionCompiler.Compile(g.Text, scope, DataType.Boolean), g.Text) : null;
        var assignments = t.Set
            .Select(a => (a.Field.Text, Expect(ExpressionCompiler.Compile(a.Value.Text, scope, fields[a.Field.Text].Type), a.Value.Text)))
            .ToList();
        var deadlines = t.Deadlines.Select(d => CompileDeadline(definition, deadlineScope, d)).ToList();
        return new CompiledTransition(state.Id, t, guard, assignments, deadlines);
    }

    private static CompiledDeadline CompileDeadline(WorkflowDefinition definition, StateDefinition state, DeadlineDefinition d)
    {
        LegalPeriod? period = d.Period is { } p ? Parse(p.Text) : null;
        var reminders = d.Reminders.Select(r => (r.Text, Parse(r.Text))).ToList();
        return new CompiledDeadline(
            d, state.Id, period, d.HolidayRule ?? definition.HolidayRule, reminders, d.RemindRole?.Text ?? state.Owner?.Text);
    }

    private static LegalPeriod Parse(string text) =>
        LegalPeriod.TryParse(text, out var period, out var error)
            ? period
            : throw new InvalidOperationException($"compiling an unvalidated period '{text}': {error}");

    private static CompiledExpression Expect(ExpressionCompileResult result, string text) =>
        result.Expression ?? throw new InvalidOperationException($"compiling an unvalidated expression '{text}'");
}
