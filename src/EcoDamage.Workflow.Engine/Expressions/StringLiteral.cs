using System.Text;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Reads a quoted string literal: <c>'...'</c> or <c>"..."</c> with the escapes \\, \' and \".</summary>
internal static class StringLiteral
{
    /// <summary>Reads the literal starting at the quote at <paramref name="pos"/>, leaving <paramref name="pos"/>
    /// after it; returns <see langword="null"/> after reporting an error.</summary>
    public static string? Read(string text, ref int pos, List<ExpressionError> errors)
    {
        var start = pos;
        var quote = text[pos++];
        var value = new StringBuilder();
        var valid = true;
        while (true)
        {
            if (pos >= text.Length)
            {
                errors.Add(new ExpressionError(ExpressionRuleIds.SyntaxError, "unterminated string literal", start, pos - start));
                return null;
            }

            var c = text[pos++];
            if (c == quote)
            {
                return valid ? value.ToString() : null;
            }

            if (c != '\\')
            {
                value.Append(c);
            }
            else if (pos < text.Length && text[pos] is '\\' or '\'' or '"')
            {
                value.Append(text[pos++]);
            }
            else if (pos < text.Length)
            {
                valid = false;
                errors.Add(new ExpressionError(ExpressionRuleIds.SyntaxError,
                    $"unknown escape sequence '\\{text[pos]}' in string literal (use \\\\, \\' or \\\")", pos - 1, 2));
                pos++;
            }
        }
    }
}
