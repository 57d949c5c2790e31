using System.Globalization;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Turns expression text into tokens, reporting every lexical error (EXPR001) and going on past it.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly List<ExpressionError> _errors;
    private readonly List<Token> _tokens = [];
    private int _pos;

    private Lexer(string text, List<ExpressionError> errors)
    {
        _text = text;
        _errors = errors;
    }

    /// <summary>Tokenizes <paramref name="text"/>; the last token is always <see cref="TokenKind.End"/>.</summary>
    public static List<Token> Tokenize(string text, List<ExpressionError> errors) => new Lexer(text, errors).Run();

    private List<Token> Run()
    {
        while (true)
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                _tokens.Add(new Token(TokenKind.End, _text.Length, 0, string.Empty, null));
                return _tokens;
            }

            var c = _text[_pos];
            if (IsIdentifierStart(c))
            {
                LexIdentifier();
            }
            else if (char.IsAsciiDigit(c))
            {
                LexNumber();
            }
            else if (c is '\'' or '"')
            {
                LexString();
            }
            else
            {
                LexOperator(c);
            }
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private void LexIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        var kind = Keywords.Classify(word);
        object? value = kind switch { TokenKind.True => true, TokenKind.False => false, _ => null };
        _tokens.Add(new Token(kind, start, _pos - start, word, value));
    }

    private void LexNumber()
    {
        var start = _pos;
        SkipDigits();
        var isDecimal = _pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]);
        if (isDecimal)
        {
            _pos++;
            SkipDigits();
        }

        if (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
            {
                _pos++;
            }

            Error(start, $"invalid number '{_text[start.._pos]}'");
            return;
        }

        var span = _text.AsSpan(start, _pos - start);
        object? value = null;
        if (isDecimal && decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
        }
        else if (!isDecimal && long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
        }

        if (value is null)
        {
            Error(start, $"number '{span}' is out of range");
            return;
        }

        _tokens.Add(new Token(isDecimal ? TokenKind.Decimal : TokenKind.Integer, start, _pos - start, span.ToString(), value));
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private void LexString()
    {
        var start = _pos;
        var value = StringLiteral.Read(_text, ref _pos, _errors);
        if (value is not null)
        {
            _tokens.Add(new Token(TokenKind.String, start, _pos - start, _text[start.._pos], value));
        }
    }

    private void LexOperator(char c)
    {
        if (OperatorTable.Match(_text, _pos) is var (kind, length))
        {
            _tokens.Add(new Token(kind, _pos, length, _text.Substring(_pos, length), null));
            _pos += length;
            return;
        }

        _pos++;
        Error(_pos - 1, $"unexpected character {OperatorTable.DescribeCharacter(c)}{OperatorTable.Hint(c)}");
    }

    private void Error(int start, string message) =>
        _errors.Add(new ExpressionError(ExpressionRuleIds.SyntaxError, message, start, _pos - start));
}
