using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>The text of a guard or assignment expression and where it starts in the file.</summary>
/// <param name="Text">The expression.</param>
/// <param name="Position">Position of the scalar holding it.</param>
/// <param name="Quoted">Whether the scalar was quoted (the text then starts one column later).</param>
public sealed record ExpressionSource(string Text, SourcePosition Position, bool Quoted)
{
    /// <summary>
    /// False when the text is not written as is on one line (a folded or block scalar, a plain scalar over several
    /// lines, escape sequences): offsets then cannot be mapped and <see cref="At"/> returns <see cref="Position"/>.
    /// </summary>
    public bool Verbatim { get; init; } = true;

    /// <summary>Maps an offset inside <see cref="Text"/> to a file position (exact for verbatim one-line expressions).</summary>
    public SourcePosition At(int offset) =>
        !Verbatim || Text.Contains('\n', StringComparison.Ordinal)
            ? Position
            : Position with { Column = Position.Column + (Quoted ? 1 : 0) + offset };
}
