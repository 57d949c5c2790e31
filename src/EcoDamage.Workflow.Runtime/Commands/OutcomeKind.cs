namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>How a command ended. Every kind is an expected outcome, never an exception.</summary>
public enum OutcomeKind
{
    /// <summary>The engine accepted it and the change is committed.</summary>
    Accepted,

    /// <summary>The engine refused it; nothing was written.</summary>
    Refused,

    /// <summary>No case with that id.</summary>
    NotFound,

    /// <summary>The case changed since the caller's version (or concurrently); nothing was written.</summary>
    VersionConflict,

    /// <summary>The idempotency key was used before for a different request; nothing was written.</summary>
    IdempotencyConflict,
}
