namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The rule ids of <see cref="ExpressionError"/>.</summary>
public static class ExpressionRuleIds
{
    /// <summary>Syntax error: unexpected character or token, bad literal, empty expression.</summary>
    public const string SyntaxError = "EXPR001";

    /// <summary>An identifier names no case data field.</summary>
    public const string UnknownField = "EXPR002";

    /// <summary><c>param.NAME</c> names no definition parameter.</summary>
    public const string UnknownParameter = "EXPR003";

    /// <summary>Unknown function, or a function called with the wrong number of arguments.</summary>
    public const string UnknownFunction = "EXPR004";

    /// <summary>Operands or arguments of the wrong type, or a result of the wrong type.</summary>
    public const string TypeMismatch = "EXPR005";

    /// <summary>A text literal compared with an enum field is not one of the enum's declared values.</summary>
    public const string InvalidEnumLiteral = "EXPR006";

    /// <summary>The expression exceeds a sandbox limit (see <see cref="ExpressionLimits"/>).</summary>
    public const string LimitExceeded = "EXPR007";

    /// <summary>The text given to <c>date('...')</c> is not an existing ISO date.</summary>
    public const string InvalidDate = "EXPR008";
}
