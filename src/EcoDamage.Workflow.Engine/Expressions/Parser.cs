namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>
/// Pratt parser. Stops at the first syntax error (EXPR001) or exceeded limit (EXPR007): it then jumps to the end
/// token so that every pending call unwinds at once, and the tree is discarded.
/// </summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly List<ExpressionError> _errors;
    private int _index;
    private int _depth;
    private bool _failed;

    private Parser(List<Token> tokens, List<ExpressionError> errors)
    {
        _tokens = tokens;
        _errors = errors;
    }

    private Token Current => _tokens[_index];

    /// <summary>Parses the tokens; returns <see langword="null"/> after reporting an error.</summary>
    public static SyntaxNode? Parse(List<Token> tokens, List<ExpressionError> errors)
    {
        var parser = new Parser(tokens, errors);
        if (parser.Current.Kind == TokenKind.End)
        {
            errors.Add(new ExpressionError(ExpressionRuleIds.SyntaxError, "expression is empty", 0, 0));
            return null;
        }

        var root = parser.ParseExpression(Precedence.None);
        if (!parser._failed && parser.Current.Kind != TokenKind.End)
        {
            parser.Fail($"expected an operator or the end of the expression but found {parser.Current.Describe()}");
        }

        return parser._failed ? null : root;
    }

    private SyntaxNode ParseExpression(int minPrecedence)
    {
        var left = ParsePrefix();
        while (!_failed)
        {
            var op = Current;
            var negatedIn = op.Kind == TokenKind.Not && Peek(1).Kind == TokenKind.In;
            var precedence = negatedIn ? Precedence.In : Precedence.OfInfix(op.Kind);
            if (precedence <= minPrecedence)
            {
                break;
            }

            Advance();
            if (negatedIn)
            {
                Advance();
            }

            left = precedence == Precedence.In
                ? ParseList(left, negatedIn, op.Start, _tokens[_index - 1].End - op.Start)
                : new BinarySyntax(op, left, ParseExpression(precedence));
        }

        return left;
    }

    private SyntaxNode ParsePrefix()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer or TokenKind.Decimal or TokenKind.String or TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralSyntax(token.Value, token.Start, token.Length);
            case TokenKind.Null:
                Advance();
                return new LiteralSyntax(null, token.Start, token.Length);
            case TokenKind.Identifier when Peek(1).Kind == TokenKind.LeftParen:
                return ParseCall();
            case TokenKind.Identifier:
                Advance();
                return new FieldSyntax(token.Text, token.Start, token.Length);
            case TokenKind.Param:
                return ParseParameter();
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.Bang or TokenKind.Not or TokenKind.Minus:
                return ParseUnary();
            case TokenKind.LeftBracket:
                return Fail("a list '[...]' can only follow 'in' or 'not in'");
            default:
                return Fail($"expected an expression but found {token.Describe()}");
        }
    }

    private SyntaxNode ParseUnary()
    {
        var op = Current;
        if (!Enter())
        {
            return Missing();
        }

        Advance();
        var operand = ParseExpression(Precedence.Unary);
        _depth--;
        return new UnarySyntax(op, operand);
    }

    private SyntaxNode ParseParenthesized()
    {
        if (!Enter())
        {
            return Missing();
        }

        Advance();
        var inner = ParseExpression(Precedence.None);
        Expect(TokenKind.RightParen, "')'");
        _depth--;
        return inner;
    }

    private SyntaxNode ParseParameter()
    {
        var start = Current.Start;
        Advance();
        if (Current.Kind != TokenKind.Dot)
        {
            return Fail($"expected '.' after 'param' (write param.NAME) but found {Current.Describe()}");
        }

        Advance();
        var name = Current;
        if (name.Kind != TokenKind.Identifier)
        {
            return Fail($"expected a parameter name after 'param.' but found {name.Describe()}");
        }

        Advance();
        return new ParameterSyntax(name.Text, start, name.End - start);
    }
}
