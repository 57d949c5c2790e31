namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The reserved words; they cannot name fields.</summary>
internal static class Keywords
{
    public static TokenKind Classify(string word) => word switch
    {
        "true" => TokenKind.True,
        "false" => TokenKind.False,
        "null" => TokenKind.Null,
        "and" => TokenKind.And,
        "or" => TokenKind.Or,
        "not" => TokenKind.Not,
        "in" => TokenKind.In,
        "param" => TokenKind.Param,
        _ => TokenKind.Identifier,
    };
}
