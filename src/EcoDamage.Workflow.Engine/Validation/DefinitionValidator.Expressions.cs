using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Validation;

internal sealed partial class DefinitionValidator
{
    private void CheckExpressions()
    {
        var scope = DefinitionScope.For(_def);
        foreach (var state in _def.AllStates())
        {
            foreach (var transition in state.Transitions)
            {
                if (transition.Guard is { } guard)
                {
                    Report(guard, ExpressionCompiler.Compile(guard.Text, scope, DataType.Boolean));
                }

                foreach (var assignment in transition.Set)
                {
                    if (_fields.TryGetValue(assignment.Field.Text, out var field))
                    {
                        Report(assignment.Value, ExpressionCompiler.Compile(assignment.Value.Text, scope, field.Type));
                    }
                }
            }
        }
    }

    private void Report(ExpressionSource source, ExpressionCompileResult result)
    {
        foreach (var error in result.Errors)
        {
            _problems.Error(error.RuleId, $"in '{source.Text}': {error.Message}", source.At(error.Offset));
        }
    }
}
