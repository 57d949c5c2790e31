namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>
/// Where the binders report: each error is added to the list and becomes a <see cref="BoundError"/>, which
/// suppresses follow-on errors. Messages quote the expression's own text.
/// </summary>
/// <param name="text">The expression's source text.</param>
/// <param name="errors">The list every error is added to, in the order found.</param>
internal sealed class BindingDiagnostics(string text, List<ExpressionError> errors)
{
    /// <summary>The source text of a node, quoted (unless it is a quoted literal) and shortened for messages.</summary>
    public string Snippet(SyntaxNode node)
    {
        const int Max = 40;
        var snippet = text.Substring(node.Start, node.Length);
        snippet = snippet.Length <= Max ? snippet : snippet[..(Max - 3)] + "...";
        return node is LiteralSyntax { Value: string } ? snippet : $"'{snippet}'";
    }

    public BoundError Error(SyntaxNode node, string ruleId, string message) =>
        Error(node.Start, node.Length, ruleId, message);

    public BoundError Error(int start, int length, string ruleId, string message)
    {
        errors.Add(new ExpressionError(ruleId, message, start, length));
        return new BoundError(start, length);
    }

    /// <summary>Reports EXPR006 when <paramref name="enumSide"/> is an enum and <paramref name="other"/> a text
    /// constant that is not one of its values; returns false then.</summary>
    public bool CheckEnumLiteral(BoundNode enumSide, BoundNode other)
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
