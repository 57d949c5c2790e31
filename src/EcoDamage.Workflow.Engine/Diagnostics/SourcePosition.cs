namespace EcoDamage.Workflow.Engine.Diagnostics;

/// <summary>A place in a definition file: 1-based line and column.</summary>
/// <param name="File">The file path as the caller named it (or a display name such as <c>&lt;posted&gt;</c>).</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole file (it cannot be read).</param>
/// <param name="Column">1-based column; 0 with line 0.</param>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary>Returns <c>file:line:column</c>, the form editors and terminals link to.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
