using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The public, boxing entry point: a closure returning the value in the representation of a result type.</summary>
internal static class BoxedEmitter
{
    public static Func<IEvaluationContext, object?> Emit(BoundNode node, DataType resultType) => resultType switch
    {
        DataType.Boolean => Box(BooleanEmitter.Emit(node)),
        DataType.Integer => Box(IntegerEmitter.Emit(node)),
        DataType.Money or DataType.Decimal => Box(DecimalEmitter.Emit(node)),
        DataType.Text or DataType.Enum => TextEmitter.Emit(node),
        _ => Box(DateEmitter.Emit(node)),
    };

    private static Func<IEvaluationContext, object?> Box<T>(Func<IEvaluationContext, T?> code)
        where T : struct => c => code(c);
}
