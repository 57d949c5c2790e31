using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Yaml;

/// <summary>
/// A YAML (or JSON) node with its position. Unlike YamlDotNet's representation model, mappings
/// keep duplicate keys so that validation can report every duplicate with its line.
/// </summary>
internal abstract record YNode(SourcePosition Position);

internal sealed record YScalar(SourcePosition Position, string Value, bool IsQuoted) : YNode(Position)
{
    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// True when <see cref="Value"/> is written as is on one line from <see cref="YNode.Position"/> (after the opening
    /// quote): no folding, block indicator or escape sequence, so an offset in the value maps to a column.
    /// </summary>
    public bool IsVerbatim { get; init; } = true;

    /// <summary>True for a plain scalar (neither quoted nor a <c>|</c> or <c>&gt;</c> block): only these resolve to null, booleans or numbers.</summary>
    public bool IsPlain { get; init; } = true;

    /// <summary>An explicit tag such as <c>tag:yaml.org,2002:str</c> (<c>!!str</c>); null when none.</summary>
    public string? Tag { get; init; }
}

internal sealed record YSequence(SourcePosition Position, IReadOnlyList<YNode> Items) : YNode(Position);

internal sealed record YMapping(SourcePosition Position, IReadOnlyList<YEntry> Entries) : YNode(Position);

internal sealed record YEntry(YScalar Key, YNode Value);
