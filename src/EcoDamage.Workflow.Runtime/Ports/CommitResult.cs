namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>What happened to a <see cref="CaseChangeSet"/>.</summary>
/// <param name="Status">Committed, or why not.</param>
/// <param name="CurrentVersion">On a version conflict, the stored version (0 when the case does not exist).</param>
public sealed record CommitResult(CommitStatus Status, long CurrentVersion = 0)
{
    /// <summary>The change set was committed.</summary>
    public static CommitResult Committed { get; } = new(CommitStatus.Committed);
}

/// <summary>Outcomes of a commit.</summary>
public enum CommitStatus
{
    /// <summary>Everything was written.</summary>
    Committed,

    /// <summary>The case row was not at the expected version; nothing was written.</summary>
    VersionConflict,

    /// <summary>Another command took the idempotency key first; nothing was written.</summary>
    IdempotencyKeyTaken,
}
