using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>Rules on guards and assignments: each compiles against its data fields.</summary>
internal sealed class ExpressionRules
{
    private readonly ValidationRun _run;

    public ExpressionRules(ValidationRun run)
    {
        _run = run;
    }

    /// <summary>Compiles every guard and assignment and reports what does not.</summary>
    public void CheckExpressions()
    {
        var scope = DefinitionScope.For(_run.Definition);
        foreach (var state in _run.Definition.AllStates())
        {
            foreach (var transition in state.Transitions)
            {
                if (transition.Guard is { } guard)
                {
                    Report(guard, ExpressionCompiler.Compile(guard.Text, scope, DataType.Boolean));
                }

                foreach (var assignment in transition.Set)
                {
                    if (_run.Fields.TryGetValue(assignment.Field.Text, out var field))
                    {
                        var compiled = ExpressionCompiler.Compile(assignment.Value.Text, scope, field.Type);
                        Report(assignment.Value, compiled);
                        CheckEnumConstant(field, assignment.Value, compiled.Expression);
                    }
                }
            }
        }
    }

    /// <summary>A constant assigned to an enum field must be one of its values (the compiler sees only the type).</summary>
    private void CheckEnumConstant(FieldDefinition field, ExpressionSource source, CompiledExpression? expression)
    {
        if (field.Type == DataType.Enum
            && expression is { ReferencedFields.Count: 0, ReferencesToday: false }
            && expression.Evaluate(NoData.Instance) is string value
            && !field.Values.Any(v => v.Id == value))
        {
            _run.Problems.Error(
                ExpressionRuleIds.InvalidEnumLiteral,
                $"in '{source.Text}': '{value}' is not a value of enum field '{field.Id}' (allowed: {string.Join(", ", field.Values.Select(v => v.Id))})",
                source.At(0));
        }
    }

    private void Report(ExpressionSource source, ExpressionCompileResult result)
    {
        foreach (var error in result.Errors)
        {
            _run.Problems.Error(error.RuleId, $"in '{source.Text}': {error.Message}", source.At(error.Offset));
        }
    }
}
