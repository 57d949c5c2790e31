using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Closures for Integer values; overflow gives null rather than an exception or a wrapped value.</summary>
internal static class IntegerEmitter
{
    public static Func<IEvaluationContext, long?> Emit(BoundNode node) => ConstantEvaluator.Fold(node, node switch
    {
        BoundConstant constant => ConstantEvaluator.Constant((long?)constant.Value),
        BoundField field => Field(field.Name),
        BoundUnary { Operator: UnaryOperator.Negate } unary => Negate(Emit(unary.Operand)),
        BoundArithmetic arithmetic => Arithmetic(arithmetic.Operator, Emit(arithmetic.Left), Emit(arithmetic.Right)),
        BoundCall call => Call(call),
        _ => throw Emitters.Unexpected(node),
    });

    private static Func<IEvaluationContext, long?> Call(BoundCall call) => call.Function switch
    {
        BuiltinFunction.Days => Days(DateEmitter.Emit(call.Arguments[0]), DateEmitter.Emit(call.Arguments[1])),
        BuiltinFunction.Len => Length(TextEmitter.Emit(call.Arguments[0])),
        BuiltinFunction.Abs => Abs(Emit(call.Arguments[0])),
        BuiltinFunction.Min => Emitters.Min(Emit(call.Arguments[0]), Emit(call.Arguments[1])),
        BuiltinFunction.Max => Emitters.Max(Emit(call.Arguments[0]), Emit(call.Arguments[1])),
        _ => throw Emitters.Unexpected(call),
    };

    private static Func<IEvaluationContext, long?> Field(string name) => c => FieldReader.ReadInteger(c, name);

    private static Func<IEvaluationContext, long?> Negate(Func<IEvaluationContext, long?> operand) =>
        c => operand(c) is { } x && x != long.MinValue ? -x : null;

    private static Func<IEvaluationContext, long?> Abs(Func<IEvaluationContext, long?> operand) =>
        c => operand(c) is { } x && x != long.MinValue ? Math.Abs(x) : null;

    private static Func<IEvaluationContext, long?> Days(Func<IEvaluationContext, LocalDate?> from, Func<IEvaluationContext, LocalDate?> to) =>
        c => from(c) is { } a && to(c) is { } b ? Period.DaysBetween(a, b) : null;

    private static Func<IEvaluationContext, long?> Length(Func<IEvaluationContext, string?> text) =>
        c => text(c) is { } s ? CountRunes(s) : null;

    /// <summary>The length in Unicode characters (a character outside the BMP counts once).</summary>
    private static long CountRunes(string s)
    {
        long count = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static Func<IEvaluationContext, long?> Arithmetic(
        ArithmeticOperator op, Func<IEvaluationContext, long?> left, Func<IEvaluationContext, long?> right) => op switch
    {
        ArithmeticOperator.Add => c => left(c) is { } x && right(c) is { } y ? Add(x, y) : null,
        ArithmeticOperator.Subtract => c => left(c) is { } x && right(c) is { } y ? Subtract(x, y) : null,
        ArithmeticOperator.Multiply => c => left(c) is { } x && right(c) is { } y ? Multiply(x, y) : null,
        _ => throw new InvalidOperationException($"Operator {op} does not yield {DataType.Integer}."),
    };

    private static long? Add(long x, long y)
    {
        var sum = unchecked(x + y);
        return ((x ^ sum) & (y ^ sum)) < 0 ? null : sum;
    }

    private static long? Subtract(long x, long y)
    {
        var difference = unchecked(x - y);
        return ((x ^ y) & (x ^ difference)) < 0 ? null : difference;
    }

    private static long? Multiply(long x, long y)
    {
        var high = Math.BigMul(x, y, out var low);
        return high == low >> 63 ? low : null;
    }
}
