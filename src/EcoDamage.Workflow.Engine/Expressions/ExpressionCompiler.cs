using System.Collections.Frozen;
using System.Globalization;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>
/// Compiles the sandboxed guard and assignment language of workflow definitions: a hand-written lexer and Pratt
/// parser, a static type check against an <see cref="IExpressionScope"/>, and compilation to typed closures. No
/// code generation, reflection or dynamic binding is involved, and only the listed built-in functions exist.
/// </summary>
/// <remarks>
/// <para>Operators, loosest first: <c>|| or</c>; <c>&amp;&amp; and</c>; <c>== !=</c>; <c>&lt; &lt;= &gt; &gt;=</c>;
/// <c>in [...]</c> and <c>not in [...]</c>; <c>+ -</c>; <c>* /</c>; unary <c>! not -</c>; parentheses.
/// Operands: field names, <c>param.NAME</c>, integers, decimals, <c>'text'</c> or <c>"text"</c> (escapes
/// <c>\ ' "</c>), <c>true</c>, <c>false</c>, <c>null</c>. Functions: <c>has(field)</c>, <c>today()</c>,
/// <c>date('yyyy-MM-dd')</c>, <c>days(from, to)</c>, <c>min(a, b)</c>, <c>max(a, b)</c>, <c>abs(x)</c>,
/// <c>len(text)</c>.</para>
/// <para>Missing values are null: arithmetic with null is null, comparisons with null are false (only
/// <c>== null</c> and <c>!= null</c> see it), <c>&amp;&amp;</c> and <c>||</c> treat null as false and <c>!null</c> is
/// null. Division by zero and overflow give null.</para>
/// </remarks>
public static class ExpressionCompiler
{
    /// <summary>Compiles an expression, reporting every error it can find.</summary>
    /// <param name="text">The expression, at most <see cref="ExpressionLimits.MaxLength"/> characters.</param>
    /// <param name="scope">The fields and parameters the expression may use.</param>
    /// <param name="expectedType">The type the caller needs (Boolean for a guard, the field's type for an
    /// assignment), or <see langword="null"/> to accept any. Integer is accepted for Money and Decimal, Money and
    /// Decimal for each other, and Text and Enum for each other; the compiled result then has the expected type.</param>
    /// <returns>The compiled expression, or the errors with their offsets in <paramref name="text"/>.</returns>
    /// <remarks>Never throws for bad input text: every problem is an <see cref="ExpressionError"/>.</remarks>
    public static ExpressionCompileResult Compile(string text, IExpressionScope scope, DataType? expectedType)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new List<ExpressionError>();
        if (text.Length > ExpressionLimits.MaxLength)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"expression is {text.Length} characters long; the limit is {ExpressionLimits.MaxLength}");
            errors.Add(new ExpressionError(ExpressionRuleIds.LimitExceeded, message, 0, text.Length));
            return ExpressionCompileResult.Failed(errors);
        }

        var tokens = Lexer.Tokenize(text, errors);
        var root = errors.Count == 0 ? Parser.Parse(tokens, errors) : null;
        if (root is null)
        {
            NameScanner.Report(tokens, scope, errors);
            return ExpressionCompileResult.Failed(errors);
        }

        var binder = new Binder(text, scope, errors);
        var bound = binder.BindRoot(root, expectedType);
        if (errors.Count > 0)
        {
            return ExpressionCompileResult.Failed(errors);
        }

        var resultType = expectedType ?? bound.Type;
        var expression = new CompiledExpression(
            text,
            resultType,
            binder.ReferencedFields.ToFrozenSet(StringComparer.Ordinal),
            binder.ReferencedParameters.ToFrozenSet(StringComparer.Ordinal),
            binder.ReferencesToday,
            BoxedEmitter.Emit(bound, resultType),
            resultType == DataType.Boolean ? BooleanEmitter.Emit(bound) : null);
        return ExpressionCompileResult.Succeeded(expression);
    }
}
