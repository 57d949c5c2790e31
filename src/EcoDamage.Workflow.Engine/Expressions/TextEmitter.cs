namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Closures for Text and Enum values.</summary>
internal static class TextEmitter
{
    public static Func<IEvaluationContext, string?> Emit(BoundNode node) => node switch
    {
        BoundConstant constant => ConstantEvaluator.Constant((string?)constant.Value),
        BoundField field => Field(field.Name),
        _ => throw Emitters.Unexpected(node),
    };

    private static Func<IEvaluationContext, string?> Field(string name) => c => FieldReader.ReadText(c, name);
}
