using System.Globalization;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The punctuation and operator tokens, and hints for the usual mistakes.</summary>
internal static class OperatorTable
{
    public static (TokenKind Kind, int Length)? Match(string text, int pos)
    {
        var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        return (text[pos], next) switch
        {
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('!', '=') => (TokenKind.BangEqual, 2),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('&', '&') => (TokenKind.AmpAmp, 2),
            ('|', '|') => (TokenKind.PipePipe, 2),
            ('!', _) => (TokenKind.Bang, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            _ => null,
        };
    }

    public static string Hint(char c) => c switch
    {
        '=' => " (use '==' to compare)",
        '&' => " (use '&&' or 'and')",
        '|' => " (use '||' or 'or')",
        _ => string.Empty,
    };

    public static string DescribeCharacter(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : $"'{c}'";
}
