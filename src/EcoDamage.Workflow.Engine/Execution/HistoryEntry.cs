using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>One change in a case's life, as the engine saw it.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What kind of change.</param>
/// <param name="DefinitionKey">The definition version that made it.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Trigger">Trigger fired, or the deadline concerned.</param>
/// <param name="ActorId">Who.</param>
/// <param name="Role">In which role.</param>
/// <param name="Changes">Data fields set by the change, with their new values.</param>
public sealed record HistoryEntry(
    Instant At,
    HistoryKind Kind,
    string DefinitionKey,
    string From,
    string To,
    string? Trigger,
    string ActorId,
    string Role,
    IReadOnlyDictionary<string, object?> Changes)
{
    /// <summary>The branch of a multi-instance call the change happened in; null for the case's own frames.</summary>
    public string? Branch { get; init; }
}

/// <summary>Kinds of <see cref="HistoryEntry"/>.</summary>
public enum HistoryKind
{
    /// <summary>The case was created.</summary>
    Started,

    /// <summary>A trigger moved the case to another state (or re-entered one).</summary>
    Transition,

    /// <summary>A trigger changed data without leaving the state.</summary>
    Internal,

    /// <summary>A sub-process started.</summary>
    CallStarted,

    /// <summary>A sub-process ended.</summary>
    CallEnded,

    /// <summary>A document was attached.</summary>
    DocumentAttached,

    /// <summary>A deadline passed and the case was escalated.</summary>
    Escalated,

    /// <summary>An extension of a deadline was requested (申请延长期限).</summary>
    ExtensionRequested,

    /// <summary>An approved extension moved a deadline.</summary>
    DeadlineExtended,

    /// <summary>A participant was recorded on the case (R34).</summary>
    ParticipantAdded,
}
