using NodaTime;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Closures for Date values.</summary>
internal static class DateEmitter
{
    public static Func<IEvaluationContext, LocalDate?> Emit(BoundNode node) => ConstantEvaluator.Fold(node, node switch
    {
        BoundConstant constant => ConstantEvaluator.Constant((LocalDate?)constant.Value),
        BoundField field => Field(field.Name),
        BoundToday => static c => c.Today,
        BoundCall { Function: BuiltinFunction.Min } call => Emitters.Min(Emit(call.Arguments[0]), Emit(call.Arguments[1])),
        BoundCall { Function: BuiltinFunction.Max } call => Emitters.Max(Emit(call.Arguments[0]), Emit(call.Arguments[1])),
        _ => throw Emitters.Unexpected(node),
    });

    private static Func<IEvaluationContext, LocalDate?> Field(string name) => c => FieldReader.ReadDate(c, name);
}
