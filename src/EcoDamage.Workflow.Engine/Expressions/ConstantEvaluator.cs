namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Computes constant sub-expressions once, at compile time.</summary>
internal static class ConstantEvaluator
{
    /// <summary>The value of a constant node (see <see cref="BoundNode.IsConstant"/>), boxed.</summary>
    public static object? Evaluate(BoundNode node) => BoxedEmitter.Emit(node, node.Type)(ConstantContext.Instance);

    /// <summary>Replaces the closure of a constant node by one that returns its precomputed value.</summary>
    public static Func<IEvaluationContext, T> Fold<T>(BoundNode node, Func<IEvaluationContext, T> code) =>
        node.IsConstant && node is not BoundConstant ? Constant(code(ConstantContext.Instance)) : code;

    public static Func<IEvaluationContext, T> Constant<T>(T value) => _ => value;
}
