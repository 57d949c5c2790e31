using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Closures for Money and Decimal values (Integer operands are widened); overflow and division by zero give null.</summary>
internal static class DecimalEmitter
{
    public static Func<IEvaluationContext, decimal?> Emit(BoundNode node)
    {
        if (node.Type == DataType.Integer)
        {
            var integer = IntegerEmitter.Emit(node);
            return ConstantEvaluator.Fold<decimal?>(node, c => integer(c));
        }

        return ConstantEvaluator.Fold(node, node switch
        {
            BoundConstant constant => ConstantEvaluator.Constant((decimal?)constant.Value),
            BoundField field => Field(field.Name),
            BoundUnary { Operator: UnaryOperator.Negate } unary => Negate(Emit(unary.Operand)),
            BoundArithmetic arithmetic => Arithmetic(arithmetic.Operator, Emit(arithmetic.Left), Emit(arithmetic.Right)),
            BoundCall { Function: BuiltinFunction.Abs } call => Abs(Emit(call.Arguments[0])),
            BoundCall { Function: BuiltinFunction.Min } call => Emitters.Min(Emit(call.Arguments[0]), Emit(call.Arguments[1])),
            BoundCall { Function: BuiltinFunction.Max } call => Emitters.Max(Emit(call.Arguments[0]), Emit(call.Arguments[1])),
            _ => throw Emitters.Unexpected(node),
        });
    }

    private static Func<IEvaluationContext, decimal?> Field(string name) => c => FieldReader.ReadDecimal(c, name);

    private static Func<IEvaluationContext, decimal?> Negate(Func<IEvaluationContext, decimal?> operand) => c => -operand(c);

    private static Func<IEvaluationContext, decimal?> Abs(Func<IEvaluationContext, decimal?> operand) =>
        c => operand(c) is { } x ? Math.Abs(x) : null;

    private static Func<IEvaluationContext, decimal?> Arithmetic(
        ArithmeticOperator op, Func<IEvaluationContext, decimal?> left, Func<IEvaluationContext, decimal?> right) => op switch
    {
        ArithmeticOperator.Add => c => left(c) is { } x && right(c) is { } y ? Add(x, y) : null,
        ArithmeticOperator.Subtract => c => left(c) is { } x && right(c) is { } y ? Add(x, -y) : null,
        ArithmeticOperator.Multiply => c => left(c) is { } x && right(c) is { } y ? Multiply(x, y) : null,
        _ => c => left(c) is { } x && right(c) is { } y ? Divide(x, y) : null,
    };

    private static decimal? Add(decimal x, decimal y)
    {
        try
        {
            return x + y;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? Multiply(decimal x, decimal y)
    {
        try
        {
            return x * y;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? Divide(decimal x, decimal y)
    {
        if (y == 0m)
        {
            return null;
        }

        try
        {
            return x / y;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
