namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>
/// After a syntax error the tree is gone, but the tokens still show which names are used: this reports the unknown
/// fields, parameters and functions among them, so that one compile shows every misspelt name.
/// </summary>
internal static class NameScanner
{
    public static void Report(List<Token> tokens, IExpressionScope scope, List<ExpressionError> errors)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Identifier)
            {
                continue;
            }

            var previous = i > 0 ? tokens[i - 1].Kind : TokenKind.End;
            var isParameter = previous == TokenKind.Dot && i > 1 && tokens[i - 2].Kind == TokenKind.Param;
            if (isParameter)
            {
                if (!scope.TryGetParameter(token.Text, out _))
                {
                    var start = tokens[i - 2].Start;
                    errors.Add(new ExpressionError(ExpressionRuleIds.UnknownParameter,
                        NameMessages.UnknownParameter(token.Text, scope), start, token.End - start));
                }
            }
            else if (tokens[i + 1].Kind == TokenKind.LeftParen)
            {
                if (!CallBinder.Functions.ContainsKey(token.Text))
                {
                    errors.Add(new ExpressionError(ExpressionRuleIds.UnknownFunction,
                        NameMessages.UnknownFunction(token.Text), token.Start, token.Length));
                }
            }
            else if (previous != TokenKind.Dot && !scope.TryGetField(token.Text, out _))
            {
                errors.Add(new ExpressionError(ExpressionRuleIds.UnknownField,
                    NameMessages.UnknownField(token.Text, scope), token.Start, token.Length));
            }
        }
    }
}
