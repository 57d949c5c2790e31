namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A node of the parsed (untyped) expression tree, with its span in the text.</summary>
internal abstract record SyntaxNode(int Start, int Length)
{
    public int End => Start + Length;
}
