namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>What a publication came to.</summary>
public enum PublishOutcome
{
    /// <summary>Published.</summary>
    Published,

    /// <summary>The draft is gone (discarded, or published by a concurrent call).</summary>
    DraftNotFound,

    /// <summary>The draft changed since the revision the publisher read.</summary>
    DraftChanged,

    /// <summary>That version (or document revision) exists already: a concurrent publication won.</summary>
    AlreadyPublished,
}
