namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Outbox event types.</summary>
public static class OutboxMessageTypes
{
    /// <summary>A case was started.</summary>
    public const string CaseStarted = "case.started";

    /// <summary>A case moved to another state (one per transition, follow-ups included).</summary>
    public const string StateChanged = "case.stateChanged";

    /// <summary>A side effect to perform (notify, copy, share status, publish, escalate).</summary>
    public const string ActionRequested = "case.actionRequested";

    /// <summary>A deadline was opened.</summary>
    public const string DeadlineOpened = "case.deadlineOpened";

    /// <summary>A deadline was closed.</summary>
    public const string DeadlineClosed = "case.deadlineClosed";

    /// <summary>A document was attached.</summary>
    public const string DocumentAttached = "case.documentAttached";
}
