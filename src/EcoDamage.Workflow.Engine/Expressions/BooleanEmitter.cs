namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Closures for Boolean values: <c>bool?</c>, where null (missing) counts as false in <c>&amp;&amp;</c>, <c>||</c> and guards.</summary>
internal static class BooleanEmitter
{
    public static Func<IEvaluationContext, bool?> Emit(BoundNode node) => ConstantEvaluator.Fold(node, node switch
    {
        BoundConstant constant => ConstantEvaluator.Constant((bool?)constant.Value),
        BoundField field => Field(field.Name),
        BoundHas has => Has(has.Field),
        BoundUnary { Operator: UnaryOperator.Not } unary => Not(Emit(unary.Operand)),
        BoundLogical logical => Logical(logical),
        BoundComparison comparison => ComparisonEmitter.Emit(comparison),
        BoundIn list => ComparisonEmitter.EmitIn(list),
        BoundNullCheck check => NullCheck(Emitters.IsNull(check.Operand), check.IsNotNull),
        _ => throw Emitters.Unexpected(node),
    });

    private static Func<IEvaluationContext, bool?> Field(string name) => c => FieldReader.ReadBoolean(c, name);

    private static Func<IEvaluationContext, bool?> Has(string name) => c => FieldReader.IsPresent(c, name);

    private static Func<IEvaluationContext, bool?> Not(Func<IEvaluationContext, bool?> operand) => c => !operand(c);

    private static Func<IEvaluationContext, bool?> NullCheck(Func<IEvaluationContext, bool> isNull, bool isNotNull) =>
        isNotNull ? c => !isNull(c) : c => isNull(c);

    /// <summary>Drops constant operands that cannot change the result and short-circuits on one that decides it.</summary>
    private static Func<IEvaluationContext, bool?> Logical(BoundLogical logical)
    {
        var operands = new List<Func<IEvaluationContext, bool?>>();
        foreach (var operand in logical.Operands)
        {
            var code = Emit(operand);
            if (!operand.IsConstant)
            {
                operands.Add(code);
            }
            else if ((code(ConstantContext.Instance) == true) != logical.IsAnd)
            {
                return ConstantEvaluator.Constant<bool?>(!logical.IsAnd);
            }
        }

        return (operands.Count, logical.IsAnd) switch
        {
            (0, var isAnd) => ConstantEvaluator.Constant<bool?>(isAnd),
            (1, _) => Truth(operands[0]),
            (2, true) => And(operands[0], operands[1]),
            (2, false) => Or(operands[0], operands[1]),
            (_, true) => And([.. operands]),
            _ => Or([.. operands]),
        };
    }

    private static Func<IEvaluationContext, bool?> Truth(Func<IEvaluationContext, bool?> a) => c => a(c) == true;

    private static Func<IEvaluationContext, bool?> And(Func<IEvaluationContext, bool?> a, Func<IEvaluationContext, bool?> b) =>
        c => a(c) == true && b(c) == true;

    private static Func<IEvaluationContext, bool?> Or(Func<IEvaluationContext, bool?> a, Func<IEvaluationContext, bool?> b) =>
        c => a(c) == true || b(c) == true;

    private static Func<IEvaluationContext, bool?> And(Func<IEvaluationContext, bool?>[] operands) => c =>
    {
        foreach (var operand in operands)
        {
            if (operand(c) != true)
            {
                return false;
            }
        }

        return true;
    };

    private static Func<IEvaluationContext, bool?> Or(Func<IEvaluationContext, bool?>[] operands) => c =>
    {
        foreach (var operand in operands)
        {
            if (operand(c) == true)
            {
                return true;
            }
        }

        return false;
    };
}
