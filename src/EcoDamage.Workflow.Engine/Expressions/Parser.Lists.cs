using System.Globalization;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Function calls, list literals and the parser's token and error helpers.</summary>
internal sealed partial class Parser
{
    private SyntaxNode ParseCall()
    {
        var name = Current;
        if (!Enter())
        {
            return Missing();
        }

        Advance();
        Advance();
        var arguments = ParseItems(TokenKind.RightParen, "')'", int.MaxValue);
        _depth--;
        return new CallSyntax(name, arguments, _tokens[_index - 1].End);
    }

    private InSyntax ParseList(SyntaxNode operand, bool negated, int operatorStart, int operatorLength)
    {
        if (Current.Kind != TokenKind.LeftBracket)
        {
            var text = negated ? "not in" : "in";
            Fail($"expected '[' after '{text}' but found {Current.Describe()}");
        }
        else if (Enter())
        {
            Advance();
            var items = ParseItems(TokenKind.RightBracket, "']'", ExpressionLimits.MaxListItems);
            _depth--;
            return new InSyntax(operand, negated, operatorStart, operatorLength, items, _tokens[_index - 1].End);
        }

        return new InSyntax(operand, negated, operatorStart, operatorLength, [], operatorStart + operatorLength);
    }

    /// <summary>Parses comma-separated expressions up to and including <paramref name="close"/>.</summary>
    private List<SyntaxNode> ParseItems(TokenKind close, string closeText, int maxItems)
    {
        var items = new List<SyntaxNode>();
        if (Current.Kind == close)
        {
            Advance();
            return items;
        }

        while (!_failed)
        {
            if (items.Count == maxItems)
            {
                var message = string.Create(CultureInfo.InvariantCulture, $"a list can have at most {maxItems} items");
                Fail(message, ExpressionRuleIds.LimitExceeded);
                break;
            }

            items.Add(ParseExpression(Precedence.None));
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
            }
            else
            {
                Expect(close, closeText, "',' or ");
                break;
            }
        }

        return items;
    }

    /// <summary>Enters one nesting level at the current token; reports EXPR007 past the limit.</summary>
    private bool Enter()
    {
        if (++_depth <= ExpressionLimits.MaxDepth)
        {
            return true;
        }

        var message = string.Create(
            CultureInfo.InvariantCulture, $"expression is nested more than {ExpressionLimits.MaxDepth} levels deep");
        Fail(message, ExpressionRuleIds.LimitExceeded);
        return false;
    }

    private void Expect(TokenKind kind, string text, string alternatives = "")
    {
        if (Current.Kind == kind)
        {
            Advance();
        }
        else if (!_failed)
        {
            Fail($"expected {alternatives}{text} but found {Current.Describe()}");
        }
    }

    private Token Peek(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private void Advance()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
    }

    /// <summary>Reports an error at the current token and jumps to the end so that parsing unwinds.</summary>
    private LiteralSyntax Fail(string message, string ruleId = ExpressionRuleIds.SyntaxError)
    {
        var token = Current;
        _errors.Add(new ExpressionError(ruleId, message, token.Start, token.Length));
        _failed = true;
        _index = _tokens.Count - 1;
        return Missing();
    }

    private LiteralSyntax Missing() => new(null, Current.Start, 0);
}
