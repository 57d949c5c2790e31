namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A lexical token. <see cref="Value"/> holds the decoded value of number and string literals.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text, object? Value)
{
    public int End => Start + Length;

    /// <summary>How the token is named in messages: <c>'abc'</c> or <c>end of expression</c>.</summary>
    public string Describe() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}
