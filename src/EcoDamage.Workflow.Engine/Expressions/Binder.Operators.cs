using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Binding of the binary operators: logical, null checks, comparisons and arithmetic.</summary>
internal sealed partial class Binder
{
    private BoundNode BindBinary(BinarySyntax binary)
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

        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        if (left is BoundError || right is BoundError)
        {
            return new BoundError(binary.Start, binary.Length);
        }

        return kind is TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash
            ? BindArithmetic(binary, left, right)
            : BindComparison(binary, left, right);
    }

    private static bool IsNullLiteral(SyntaxNode node) => node is LiteralSyntax { Value: null };

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
            var operand = Bind(syntax);
            if (operand is not BoundError && operand.Type != DataType.Boolean)
            {
                operand = Error(syntax, ExpressionRuleIds.TypeMismatch,
                    $"operand of '{binary.Operator.Text}' must be Boolean but {Snippet(syntax)} is {operand.Type}");
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

        var operand = Bind(IsNullLiteral(binary.Left) ? binary.Right : binary.Left);
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

        if (isEquality && !(CheckEnumLiteral(left, right) & CheckEnumLiteral(right, left)))
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
        Error(binary.Operator.Start, binary.Operator.Length, ExpressionRuleIds.TypeMismatch,
            $"operator '{binary.Operator.Text}' cannot be applied to {Snippet(binary.Left)} ({left.Type}) " +
            $"and {Snippet(binary.Right)} ({right.Type})");

    /// <summary>Reports EXPR006 when <paramref name="enumSide"/> is an enum and <paramref name="other"/> a text
    /// constant that is not one of its values; returns false then.</summary>
    private bool CheckEnumLiteral(BoundNode enumSide, BoundNode other)
    {
        if (enumSide.Enum is not { } domain || other is not BoundConstant { Value: string value }
            || domain.Values.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        Error(other.Start, other.Length, ExpressionRuleIds.InvalidEnumLiteral,
            $"'{value}' is not a value of {domain.Description} (allowed: {string.Join(", ", domain.Values)})");
        return false;
    }
}
