namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The sandbox limits an expression must respect; exceeding one is error <c>EXPR007</c>.</summary>
public static class ExpressionLimits
{
    /// <summary>The longest expression text, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting of parentheses, lists, function calls and unary operators.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most items in one list literal (<c>in [...]</c>).</summary>
    public const int MaxListItems = 100;
}
