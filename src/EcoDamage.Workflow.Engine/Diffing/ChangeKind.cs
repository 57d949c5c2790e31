namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>What happened to an element between two definition versions.</summary>
public enum ChangeKind
{
    /// <summary>The element exists only in the newer version (or an optional value is newly set).</summary>
    Added,

    /// <summary>The element exists only in the older version (or an optional value is no longer set).</summary>
    Removed,

    /// <summary>The element exists in both versions with a different value.</summary>
    Changed,
}
