using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A piece of text from a definition file (an id, a reference, a period) with where it was written.</summary>
/// <param name="Text">The text as written.</param>
/// <param name="Position">Where it was written.</param>
public readonly record struct Token(string Text, SourcePosition Position)
{
    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}
