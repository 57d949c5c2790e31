namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Binding powers of the operators, low to high; all binary operators are left-associative.</summary>
internal static class Precedence
{
    public const int None = 0;
    public const int Or = 1;
    public const int And = 2;
    public const int Equality = 3;
    public const int Relational = 4;
    public const int In = 5;
    public const int Additive = 6;
    public const int Multiplicative = 7;
    public const int Unary = 8;

    /// <summary>The binding power of a binary operator token, or <see cref="None"/> when it is not one.</summary>
    public static int OfInfix(TokenKind kind) => kind switch
    {
        TokenKind.PipePipe or TokenKind.Or => Or,
        TokenKind.AmpAmp or TokenKind.And => And,
        TokenKind.EqualEqual or TokenKind.BangEqual => Equality,
        TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual => Relational,
        TokenKind.In => In,
        TokenKind.Plus or TokenKind.Minus => Additive,
        TokenKind.Star or TokenKind.Slash => Multiplicative,
        _ => None,
    };
}
