using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>
/// Resolves names and checks types, turning the syntax tree into a <see cref="BoundNode"/> tree. It reports every
/// error it finds and goes on; a sub-expression with an error becomes a <see cref="BoundError"/>, which suppresses
/// follow-on errors.
/// </summary>
internal sealed class Binder
{
    private readonly IExpressionScope _scope;
    private readonly BindingDiagnostics _diagnostics;
    private readonly CallBinder _calls;
    private readonly ListBinder _lists;
    private readonly OperatorBinder _operators;

    public Binder(string text, IExpressionScope scope, List<ExpressionError> errors)
    {
        _scope = scope;
        _diagnostics = new BindingDiagnostics(text, errors);
        _calls = new CallBinder(this, _diagnostics);
        _lists = new ListBinder(this, _diagnostics);
        _operators = new OperatorBinder(this, _diagnostics);
    }

    /// <summary>The fields the expression reads.</summary>
    public HashSet<string> ReferencedFields { get; } = new(StringComparer.Ordinal);

    /// <summary>The parameters the expression reads.</summary>
    public HashSet<string> ReferencedParameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the expression reads <c>today()</c>.</summary>
    public bool ReferencesToday { get; private set; }

    /// <summary>Records that the expression reads <c>today()</c>.</summary>
    public void NoteToday() => ReferencesToday = true;

    /// <summary>Binds the whole expression and checks its type against <paramref name="expected"/>.</summary>
    public BoundNode BindRoot(SyntaxNode root, DataType? expected)
    {
        if (root is LiteralSyntax { Value: null })
        {
            if (expected is { } type)
            {
                return new BoundConstant(null, type, root.Start, root.Length);
            }

            return _diagnostics.Error(root, ExpressionRuleIds.TypeMismatch,
                "the type of 'null' cannot be determined because no result type is expected");
        }

        var bound = Bind(root);
        if (bound is not BoundError && expected is { } wanted && !TypeRules.IsAssignable(bound.Type, wanted))
        {
            return _diagnostics.Error(root, ExpressionRuleIds.TypeMismatch,
                $"the expression is {bound.Type} but {wanted} is expected");
        }

        return bound;
    }

    /// <summary>Binds one node; the other binders come back here for their operands.</summary>
    public BoundNode Bind(SyntaxNode node) => node switch
    {
        LiteralSyntax literal => BindLiteral(literal),
        FieldSyntax field => BindField(field),
        ParameterSyntax parameter => BindParameter(parameter),
        UnarySyntax unary => BindUnary(unary),
        BinarySyntax binary => _operators.BindBinary(binary),
        InSyntax list => _lists.BindIn(list),
        CallSyntax call => _calls.BindCall(call),
        _ => throw new InvalidOperationException($"Unexpected syntax node {node.GetType().Name}."),
    };

    private BoundNode BindLiteral(LiteralSyntax literal) => literal.Value switch
    {
        null => _diagnostics.Error(literal, ExpressionRuleIds.TypeMismatch,
            "'null' can only be compared with '==' or '!=' or be the whole expression"),
        bool b => new BoundConstant(b, DataType.Boolean, literal.Start, literal.Length),
        long l => new BoundConstant(l, DataType.Integer, literal.Start, literal.Length),
        decimal d => new BoundConstant(d, DataType.Decimal, literal.Start, literal.Length),
        string s => new BoundConstant(s, DataType.Text, literal.Start, literal.Length),
        _ => throw new InvalidOperationException($"Unexpected literal {literal.Value.GetType().Name}."),
    };

    /// <summary>Binds a field reference and records it in <see cref="ReferencedFields"/>.</summary>
    public BoundNode BindField(FieldSyntax field)
    {
        if (!_scope.TryGetField(field.Name, out var symbol))
        {
            return _diagnostics.Error(field, ExpressionRuleIds.UnknownField, NameMessages.UnknownField(field.Name, _scope));
        }

        ReferencedFields.Add(symbol.Name);
        return new BoundField(symbol, field.Start, field.Length);
    }

    private BoundNode BindParameter(ParameterSyntax parameter)
    {
        if (!_scope.TryGetParameter(parameter.Name, out var symbol))
        {
            return _diagnostics.Error(parameter, ExpressionRuleIds.UnknownParameter, NameMessages.UnknownParameter(parameter.Name, _scope));
        }

        if (!TypeRules.TryNormalize(symbol.Value, symbol.Type, out var value))
        {
            return _diagnostics.Error(parameter, ExpressionRuleIds.TypeMismatch,
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
            return _diagnostics.Error(unary.Operand, ExpressionRuleIds.TypeMismatch,
                $"operand of '{unary.Operator.Text}' must be {wanted} but {_diagnostics.Snippet(unary.Operand)} is {operand.Type}");
        }

        return new BoundUnary(isNot ? UnaryOperator.Not : UnaryOperator.Negate, operand, unary.Start, unary.Length);
    }
}
