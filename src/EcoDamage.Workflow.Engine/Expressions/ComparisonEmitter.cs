using NodaTime;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Closures for comparisons and list membership; a null operand makes them false.</summary>
internal static class ComparisonEmitter
{
    public static Func<IEvaluationContext, bool?> Emit(BoundComparison node)
    {
        var (left, right, op) = (node.Left, node.Right, node.Operator);
        if (left.IsConstant && !right.IsConstant)
        {
            (left, right, op) = (right, left, Mirror(op));
        }

        return node.Domain switch
        {
            ComparisonDomain.Integer => Compare(IntegerEmitter.Emit(left), IntegerEmitter.Emit(right), right.IsConstant, op),
            ComparisonDomain.Decimal => Compare(DecimalEmitter.Emit(left), DecimalEmitter.Emit(right), right.IsConstant, op),
            ComparisonDomain.Date => Compare(DateEmitter.Emit(left), DateEmitter.Emit(right), right.IsConstant, op),
            ComparisonDomain.Boolean => Compare(BooleanEmitter.Emit(left), BooleanEmitter.Emit(right), right.IsConstant, op),
            _ => CompareText(TextEmitter.Emit(left), TextEmitter.Emit(right), op),
        };
    }

    public static Func<IEvaluationContext, bool?> EmitIn(BoundIn node) => node.Domain switch
    {
        ComparisonDomain.Integer => In(IntegerEmitter.Emit(node.Operand), (long[])node.Values, node.Negated),
        ComparisonDomain.Decimal => In(DecimalEmitter.Emit(node.Operand), (decimal[])node.Values, node.Negated),
        ComparisonDomain.Date => In(DateEmitter.Emit(node.Operand), (LocalDate[])node.Values, node.Negated),
        ComparisonDomain.Boolean => In(BooleanEmitter.Emit(node.Operand), (bool[])node.Values, node.Negated),
        _ => InText(TextEmitter.Emit(node.Operand), (string[])node.Values, node.Negated),
    };

    private static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    private static bool Holds(ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order > 0,
        _ => order >= 0,
    };

    private static Func<IEvaluationContext, bool?> Compare<T>(
        Func<IEvaluationContext, T?> left, Func<IEvaluationContext, T?> right, bool rightIsConstant, ComparisonOperator op)
        where T : struct, IComparable<T>
    {
        if (!rightIsConstant)
        {
            return c => left(c) is { } a && right(c) is { } b && Holds(op, a.CompareTo(b));
        }

        if (right(ConstantContext.Instance) is not { } k)
        {
            return static _ => false;
        }

        return op switch
        {
            ComparisonOperator.Equal => c => left(c) is { } a && a.CompareTo(k) == 0,
            ComparisonOperator.NotEqual => c => left(c) is { } a && a.CompareTo(k) != 0,
            ComparisonOperator.Less => c => left(c) is { } a && a.CompareTo(k) < 0,
            ComparisonOperator.LessOrEqual => c => left(c) is { } a && a.CompareTo(k) <= 0,
            ComparisonOperator.Greater => c => left(c) is { } a && a.CompareTo(k) > 0,
            _ => c => left(c) is { } a && a.CompareTo(k) >= 0,
        };
    }

    private static Func<IEvaluationContext, bool?> CompareText(
        Func<IEvaluationContext, string?> left, Func<IEvaluationContext, string?> right, ComparisonOperator op) =>
        c => left(c) is { } a && right(c) is { } b && Holds(op, string.CompareOrdinal(a, b));

    private static Func<IEvaluationContext, bool?> In<T>(Func<IEvaluationContext, T?> operand, T[] values, bool negated)
        where T : struct =>
        c => operand(c) is { } v && (Array.IndexOf(values, v) >= 0) != negated;

    private static Func<IEvaluationContext, bool?> InText(Func<IEvaluationContext, string?> operand, string[] values, bool negated) =>
        c => operand(c) is { } v && (Array.IndexOf(values, v) >= 0) != negated;
}
