namespace EcoDamage.Workflow.Engine.Diagrams;

/// <summary>How a state or transition is marked on a diagram of changes.</summary>
public enum DiagramMark
{
    /// <summary>Unchanged: drawn as usual.</summary>
    None,

    /// <summary>New in the version drawn: green, label prefixed <c>+</c>.</summary>
    Added,

    /// <summary>Only in the older version: red and dashed, label prefixed <c>−</c>.</summary>
    Removed,

    /// <summary>In both versions, changed: amber, label prefixed <c>~</c>.</summary>
    Changed,
}
