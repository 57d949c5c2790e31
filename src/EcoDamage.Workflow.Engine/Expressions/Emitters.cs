using NodaTime;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Helpers shared by the typed emitters.</summary>
internal static class Emitters
{
    public static InvalidOperationException Unexpected(BoundNode node) =>
        new($"No closure for {node.GetType().Name} of type {node.Type}.");

    public static Func<IEvaluationContext, T?> Min<T>(Func<IEvaluationContext, T?> a, Func<IEvaluationContext, T?> b)
        where T : struct, IComparable<T> =>
        c => a(c) is { } x && b(c) is { } y ? (x.CompareTo(y) <= 0 ? x : y) : null;

    public static Func<IEvaluationContext, T?> Max<T>(Func<IEvaluationContext, T?> a, Func<IEvaluationContext, T?> b)
        where T : struct, IComparable<T> =>
        c => a(c) is { } x && b(c) is { } y ? (x.CompareTo(y) >= 0 ? x : y) : null;

    /// <summary>Whether the value is missing, whatever the node's type.</summary>
    public static Func<IEvaluationContext, bool> IsNull(BoundNode node)
    {
        switch (node)
        {
            case BoundField field:
                var name = field.Name;
                return c => !FieldReader.IsPresent(c, name);
            case { Type: Definitions.DataType.Text or Definitions.DataType.Enum }:
                var text = TextEmitter.Emit(node);
                return c => text(c) is null;
            case { Type: Definitions.DataType.Date }:
                return IsNull<LocalDate>(DateEmitter.Emit(node));
            case { Type: Definitions.DataType.Boolean }:
                return IsNull(BooleanEmitter.Emit(node));
            case { Type: Definitions.DataType.Integer }:
                return IsNull(IntegerEmitter.Emit(node));
            default:
                return IsNull(DecimalEmitter.Emit(node));
        }
    }

    private static Func<IEvaluationContext, bool> IsNull<T>(Func<IEvaluationContext, T?> code)
        where T : struct => c => !code(c).HasValue;
}
