namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A function call <c>name(arg, ...)</c>; the span runs from the name to the closing parenthesis.</summary>
internal sealed record CallSyntax(Token Name, IReadOnlyList<SyntaxNode> Arguments, int CallEnd)
    : SyntaxNode(Name.Start, CallEnd - Name.Start);
