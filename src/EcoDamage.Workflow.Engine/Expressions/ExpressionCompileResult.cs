using System.Diagnostics.CodeAnalysis;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The outcome of <see cref="ExpressionCompiler.Compile"/>: a compiled expression or the errors found.</summary>
public sealed class ExpressionCompileResult
{
    private ExpressionCompileResult(CompiledExpression? expression, IReadOnlyList<ExpressionError> errors)
    {
        Expression = expression;
        Errors = errors;
    }

    /// <summary><see langword="true"/> when the expression compiled without errors.</summary>
    [MemberNotNullWhen(true, nameof(Expression))]
    public bool Success => Expression is not null;

    /// <summary>The compiled expression, when <see cref="Success"/>.</summary>
    public CompiledExpression? Expression { get; }

    /// <summary>All errors found, ordered by offset; empty on success.</summary>
    public IReadOnlyList<ExpressionError> Errors { get; }

    internal static ExpressionCompileResult Succeeded(CompiledExpression expression) => new(expression, []);

    internal static ExpressionCompileResult Failed(IEnumerable<ExpressionError> errors) =>
        new(null, errors.OrderBy(e => e.Offset).ToArray());
}
