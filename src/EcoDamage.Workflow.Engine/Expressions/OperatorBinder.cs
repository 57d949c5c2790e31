using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Binding of the binary operators: logical, null checks, comparisons and arithmetic.</summary>
internal sealed class OperatorBinder
{
    private readonly Binder _binder;
    private readonly BindingDiagnostics _diagnostics;

    public OperatorBinder(Binder binder, BindingDiagnostics diagnostics)
    {
        _binder = binder;
        _diagnostics = diagnostics;
    }

    /// <summary>Binds a binary operator by its kind.</summary>
    public BoundNode BindBinary(BinarySyntax binary)
    {
        var kind = binary.Operator.Kind;
        if (kind is TokenKind.AmpAmp or TokenKind.And or TokenKind.PipePipe or TokenKind.Or)
        {
            return BindLogical(binary);
        }

        var isEquality = kind is TokenKind.EqualEqual or TokenKind.BangEqual;
        if (isEquality && (IsNullLiteral(binary.Left) || IsNullLiteral(binary.Right)))
        {
            return BindNullCheck(binary);
        }

        var left = _binder.Bind(binary.Left);
        var right = _binder.Bind(binary.Right);
        if (left is BoundError || right is BoundError)
        {
            return new BoundError(binary.Start, binary.Length);
        }

        return kind is TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash
            ? BindArithmetic(binary, left, right)
            : BindComparison(binary, left, right);
    }

    /// <summary>Whether <paramref name="node"/> is the literal <c>null</c>.</summary>
    public static bool IsNullLiteral(SyntaxNode node) => node is LiteralSyntax { Value: null };

    private static bool IsAnd(TokenKind kind) => kind is TokenKind.AmpAmp or TokenKind.And;

    /// <summary>Binds a chain such as <c>a &amp;&amp; b &amp;&amp; c</c> as one n-ary node (no deep recursion at run time).</summary>
    private BoundNode BindLogical(BinarySyntax binary)
    {
        var isAnd = IsAnd(binary.Operator.Kind);
        var rights = new Stack<SyntaxNode>();
        SyntaxNode first = binary;
        while (first is BinarySyntax b && b.Operator.Kind is TokenKind.AmpAmp or TokenKind.And or TokenKind.PipePipe
                   or TokenKind.Or && IsAnd(b.Operator.Kind) == isAnd)
        {
            rights.Push(b.Right);
            first = b.Left;
        }

        var operands = new List<BoundNode>(rights.Count + 1);
        var failed = false;
        foreach (var syntax in rights.Prepend(first))
        {
            var operand = _binder.Bind(syntax);
            if (operand is not BoundError && operand.Type != DataType.Boolean)
            {
                operand = _diagnostics.Error(syntax, ExpressionRuleIds.TypeMismatch,
                    $"operand of '{binary.Operator.Text}' must be Boolean but {_diagnostics.Snippet(syntax)} is {operand.Type}");
            }

            failed |= operand is BoundError;
            operands.Add(operand);
        }

        return failed ? new BoundError(binary.Start, binary.Length) : new BoundLogical(isAnd, operands, binary.Start, binary.Length);
    }

    private BoundNode BindNullCheck(BinarySyntax binary)
    {
        var isNotNull = binary.Operator.Kind == TokenKind.BangEqual;
        if (IsNullLiteral(binary.Left) && IsNullLiteral(binary.Right))
        {
            return new BoundConstant(!isNotNull, DataType.Boolean, binary.Start, binary.Length);
        }

        var operand = _binder.Bind(IsNullLiteral(binary.Left) ? binary.Right : binary.Left);
        return operand is BoundError ? operand : new BoundNullCheck(operand, isNotNull, binary.Start, binary.Length);
    }

    private BoundNode BindComparison(BinarySyntax binary, BoundNode left, BoundNode right)
    {
        var op = binary.Operator.Kind switch
        {
            TokenKind.EqualEqual => ComparisonOperator.Equal,
            TokenKind.BangEqual => ComparisonOperator.NotEqual,
            TokenKind.Less => ComparisonOperator.Less,
            TokenKind.LessEqual => ComparisonOperator.LessOrEqual,
            TokenKind.Greater => ComparisonOperator.Greater,
            _ => ComparisonOperator.GreaterOrEqual,
        };
        var isEquality = op is ComparisonOperator.Equal or ComparisonOperator.NotEqual;
        var domain = TypeRules.Domain(left.Type, right.Type);
        var ordered = domain is not (null or ComparisonDomain.Boolean) && left.Type != DataType.Enum && right.Type != DataType.Enum;
        if (domain is null || (!isEquality && !ordered))
        {
            return OperatorError(binary, left, right);
        }

        if (isEquality && !(_diagnostics.CheckEnumLiteral(left, right) & _diagnostics.CheckEnumLiteral(right, left)))
        {
            return new BoundError(binary.Start, binary.Length);
        }

        return new BoundComparison(op, domain.Value, left, right, binary.Start, binary.Length);
    }

    private BoundNode BindArithmetic(BinarySyntax binary, BoundNode left, BoundNode right)
    {
        if (!TypeRules.IsNumeric(left.Type) || !TypeRules.IsNumeric(right.Type))
        {
            return OperatorError(binary, left, right);
        }

        var op = binary.Operator.Kind switch
        {
            TokenKind.Plus => ArithmeticOperator.Add,
            TokenKind.Minus => ArithmeticOperator.Subtract,
            TokenKind.Star => ArithmeticOperator.Multiply,
            _ => ArithmeticOperator.Divide,
        };
        var type = TypeRules.Promote(left.Type, right.Type);
        if (op == ArithmeticOperator.Divide && type == DataType.Integer)
        {
            type = DataType.Decimal;
        }

        return new BoundArithmetic(op, left, right, type, binary.Start, binary.Length);
    }

    private BoundError OperatorError(BinarySyntax binary, BoundNode left, BoundNode right) =>
        _diagnostics.Error(binary.Operator.Start, binary.Operator.Length, ExpressionRuleIds.TypeMismatch,
            $"operator '{binary.Operator.Text}' cannot be applied to {_diagnostics.Snippet(binary.Left)} ({left.Type}) " +
            $"and {_diagnostics.Snippet(binary.Right)} ({right.Type})");
}
