namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>What a withdrawal came to.</summary>
public enum WithdrawOutcome
{
    /// <summary>Withdrawn.</summary>
    Withdrawn,

    /// <summary>No such version.</summary>
    NotFound,

    /// <summary>It was withdrawn before.</summary>
    AlreadyWithdrawn,

    /// <summary>A case has started on it (as its claim or as a sub-process): it stays.</summary>
    InUse,
}
