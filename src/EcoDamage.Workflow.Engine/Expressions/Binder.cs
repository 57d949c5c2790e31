using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>
/// Resolves names and checks types, turning the syntax tree into a <see cref="BoundNode"/> tree. It reports every
/// error it finds and goes on; a sub-expression with an error becomes a <see cref="BoundError"/>, which suppresses
/// follow-on errors.
/// </summary>
internal sealed partial class Binder(string text, IExpressionScope scope, List<ExpressionError> errors)
{
    public HashSet<string> ReferencedFields { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ReferencedParameters { get; } = new(StringComparer.Ordinal);

    public bool ReferencesToday { get; private set; }

    /// <summary>Binds the whole expression and checks its type against <paramref name="expected"/>.</summary>
    public BoundNode BindRoot(SyntaxNode root, DataType? expected)
    {
        if (root is LiteralSyntax { Value: null })
        {
            if (expected is { } type)
            {
                return new BoundConstant(null, type, root.Start, root.Length);
            }

            return Error(root, ExpressionRuleIds.TypeMismatch,
                "the type of 'null' cannot be determined because no result type is expected");
        }

        var bound = Bind(root);
        if (bound is not BoundError && expected is { } wanted && !TypeRules.IsAssignable(bound.Type, wanted))
        {
            return Error(root, ExpressionRuleIds.TypeMismatch,
                $"the expression is {bound.Type} but {wanted} is expected");
        }

        return bound;
    }

    private BoundNode Bind(SyntaxNode node) => node switch
    {
        LiteralSyntax literal => BindLiteral(literal),
        FieldSyntax field => BindField(field),
        ParameterSyntax parameter => BindParameter(parameter),
        UnarySyntax unary => BindUnary(unary),
        BinarySyntax binary => BindBinary(binary),
        InSyntax list => BindIn(list),
        CallSyntax call => BindCall(call),
        _ => throw new InvalidOperationException($"Unexpected syntax node {node.GetType().Name}."),
    };

    private BoundNode BindLiteral(LiteralSyntax literal) => literal.Value switch
    {
        null => Error(literal, ExpressionRuleIds.TypeMismatch,
            "'null' can only be compared with '==' or '!=' or be the whole expression"),
        bool b => new BoundConstant(b, DataType.Boolean, literal.Start, literal.Length),
        long l => new BoundConstant(l, DataType.Integer, literal.Start, literal.Length),
        decimal d => new BoundConstant(d, DataType.Decimal, literal.Start, literal.Length),
        string s => new BoundConstant(s, DataType.Text, literal.Start, literal.Length),
        _ => throw new InvalidOperationException($"Unexpected literal {literal.Value.GetType().Name}."),
    };

    private BoundNode BindField(FieldSyntax field)
    {
        if (!scope.TryGetField(field.Name, out var symbol))
        {
            return Error(field, ExpressionRuleIds.UnknownField, NameMessages.UnknownField(field.Name, scope));
        }

        ReferencedFields.Add(symbol.Name);
        return new BoundField(symbol, field.Start, field.Length);
    }

    private BoundNode BindParameter(ParameterSyntax parameter)
    {
        if (!scope.TryGetParameter(parameter.Name, out var symbol))
        {
            return Error(parameter, ExpressionRuleIds.UnknownParameter, NameMessages.UnknownParameter(parameter.Name, scope));
        }

        if (!TypeRules.TryNormalize(symbol.Value, symbol.Type, out var value))
        {
            return Error(parameter, ExpressionRuleIds.TypeMismatch,
                $"parameter '{symbol.Name}' is declared {symbol.Type} but its value is a {symbol.Value!.GetType().Name}");
        }

        ReferencedParameters.Add(symbol.Name);
        var domain = symbol is { Type: DataType.Enum, EnumValues: { } values }
            ? new EnumDomain($"enum parameter '{symbol.Name}'", values)
            : null;
        return new BoundConstant(value, symbol.Type, parameter.Start, parameter.Length, domain);
    }

    private BoundNode BindUnary(UnarySyntax unary)
    {
        var operand = Bind(unary.Operand);
        if (operand is BoundError)
        {
            return operand;
        }

        var isNot = unary.Operator.Kind != TokenKind.Minus;
        var valid = isNot ? operand.Type == DataType.Boolean : TypeRules.IsNumeric(operand.Type);
        if (!valid)
        {
            var wanted = isNot ? "Boolean" : "a number";
            return Error(unary.Operand, ExpressionRuleIds.TypeMismatch,
                $"operand of '{unary.Operator.Text}' must be {wanted} but {Snippet(unary.Operand)} is {operand.Type}");
        }

        return new BoundUnary(isNot ? UnaryOperator.Not : UnaryOperator.Negate, operand, unary.Start, unary.Length);
    }

    /// <summary>The source text of a node, quoted (unless it is a quoted literal) and shortened for messages.</summary>
    private string Snippet(SyntaxNode node)
    {
        const int Max = 40;
        var snippet = text.Substring(node.Start, node.Length);
        snippet = snippet.Length <= Max ? snippet : snippet[..(Max - 3)] + "...";
        return node is LiteralSyntax { Value: string } ? snippet : $"'{snippet}'";
    }

    private BoundError Error(SyntaxNode node, string ruleId, string message) =>
        Error(node.Start, node.Length, ruleId, message);

    private BoundError Error(int start, int length, string ruleId, string message)
    {
        errors.Add(new ExpressionError(ruleId, message, start, length));
        return new BoundError(start, length);
    }
}
