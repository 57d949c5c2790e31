using System.Globalization;
using System.Text;
using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>
/// An expression in one canonical spelling, so that two guards compare equal when they read the same tokens:
/// whitespace and line breaks do not count, <c>and</c>/<c>or</c> read as <c>&amp;&amp;</c>/<c>||</c>, strings are
/// single-quoted and numbers written without trailing zeros. Text the lexer refuses is only collapsed to single spaces.
/// </summary>
internal static class GuardText
{
    public static string? Normalise(Definitions.ExpressionSource? source) => source is null ? null : Normalise(source.Text);

    public static string Normalise(string text)
    {
        var errors = new List<ExpressionError>();
        var tokens = Lexer.Tokenize(text, errors);
        if (errors.Count > 0)
        {
            return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        var sb = new StringBuilder();
        Token? previous = null;
        var previousUnary = false;
        for (var i = 0; i < tokens.Count && tokens[i].Kind != TokenKind.End; i++)
        {
            var token = tokens[i];
            var unary = token.Kind is TokenKind.Bang || (token.Kind == TokenKind.Not && tokens[i + 1].Kind != TokenKind.In)
                || (token.Kind == TokenKind.Minus && (previous is null || IsOperatorOrOpen(previous.Value.Kind)));
            if (previous is { } p && SpaceBetween(p, token, previousUnary))
            {
                sb.Append(' ');
            }

            sb.Append(Spell(token, unary));
            previous = token;
            previousUnary = unary;
        }

        return sb.ToString();
    }

    private static bool SpaceBetween(Token previous, Token token, bool previousUnary) =>
        !previousUnary
        && previous.Kind is not (TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.Dot)
        && token.Kind is not (TokenKind.RightParen or TokenKind.RightBracket or TokenKind.Comma or TokenKind.Dot)
        && !(token.Kind == TokenKind.LeftParen && previous.Kind == TokenKind.Identifier);

    private static bool IsOperatorOrOpen(TokenKind kind) => kind is not (
        TokenKind.Identifier or TokenKind.Integer or TokenKind.Decimal or TokenKind.String or TokenKind.True
        or TokenKind.False or TokenKind.Null or TokenKind.RightParen or TokenKind.RightBracket);

    private static string Spell(Token token, bool unary) => token.Kind switch
    {
        TokenKind.And => "&&",
        TokenKind.Or => "||",
        TokenKind.Not => unary ? "!" : "not",
        TokenKind.String => "'" + ((string)token.Value!).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        TokenKind.Integer => ((long)token.Value!).ToString(CultureInfo.InvariantCulture),
        TokenKind.Decimal => ((decimal)token.Value!).ToString("G29", CultureInfo.InvariantCulture),
        _ => token.Text,
    };
}
