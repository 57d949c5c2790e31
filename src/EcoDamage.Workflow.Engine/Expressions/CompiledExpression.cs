using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A type-checked expression compiled to closures; immutable and safe to share between threads.</summary>
public sealed class CompiledExpression
{
    private readonly Func<IEvaluationContext, object?> _evaluate;
    private readonly Func<IEvaluationContext, bool?>? _evaluateBoolean;

    internal CompiledExpression(
        string text,
        DataType resultType,
        IReadOnlySet<string> referencedFields,
        IReadOnlySet<string> referencedParameters,
        bool referencesToday,
        Func<IEvaluationContext, object?> evaluate,
        Func<IEvaluationContext, bool?>? evaluateBoolean)
    {
        Text = text;
        ResultType = resultType;
        ReferencedFields = referencedFields;
        ReferencedParameters = referencedParameters;
        ReferencesToday = referencesToday;
        _evaluate = evaluate;
        _evaluateBoolean = evaluateBoolean;
    }

    /// <summary>The expression text as compiled.</summary>
    public string Text { get; }

    /// <summary>The type of the result: the expected type given to the compiler, or the inferred one.</summary>
    public DataType ResultType { get; }

    /// <summary>The case data fields the expression reads (including through <c>has(...)</c>).</summary>
    public IReadOnlySet<string> ReferencedFields { get; }

    /// <summary>The definition parameters the expression uses (names without <c>param.</c>).</summary>
    public IReadOnlySet<string> ReferencedParameters { get; }

    /// <summary><see langword="true"/> when the expression calls <c>today()</c>, so its value depends on the date.</summary>
    public bool ReferencesToday { get; }

    /// <summary>Evaluates a Boolean expression, treating a missing (<see langword="null"/>) result as false. Does not allocate.</summary>
    /// <param name="context">The case data and firing date.</param>
    /// <returns>The result, <see langword="false"/> when it is <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">The expression is not Boolean, or the context holds a value
    /// whose runtime type does not fit its field's declared type.</exception>
    public bool EvaluateBoolean(IEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_evaluateBoolean is null)
        {
            throw new InvalidOperationException(
                $"Expression '{Text}' has type {ResultType}, not Boolean.");
        }

        return _evaluateBoolean(context) == true;
    }

    /// <summary>Evaluates the expression to its runtime value (boxed).</summary>
    /// <param name="context">The case data and firing date.</param>
    /// <returns>A <see cref="bool"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/> or
    /// <see cref="NodaTime.LocalDate"/> according to <see cref="ResultType"/>, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">The context holds a value whose runtime type does not fit its
    /// field's declared type.</exception>
    public object? Evaluate(IEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _evaluate(context);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Text} : {ResultType}";
}
