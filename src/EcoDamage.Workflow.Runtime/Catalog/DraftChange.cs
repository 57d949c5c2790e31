namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>What a change to a draft came to.</summary>
public enum DraftChange
{
    /// <summary>Saved (or discarded).</summary>
    Done,

    /// <summary>No such draft.</summary>
    NotFound,

    /// <summary>The draft changed since the revision the caller read (optimistic concurrency).</summary>
    Stale,
}
