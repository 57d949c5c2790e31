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

    /// <summary>A participant was recorded on a case (R34).</summary>
    public const string ParticipantAdded = "case.participantAdded";

    /// <summary>A reminder before a deadline's due instant was sent (written by the deadline sweeper).</summary>
    public const string DeadlineReminder = "case.deadlineReminder";

    /// <summary>A deadline passed its due instant and its overdue action was taken.</summary>
    public const string DeadlineOverdue = "case.deadlineOverdue";

    /// <summary>A case was escalated (to the procuratorate, R9) by an overdue deadline or an escalate action.</summary>
    public const string Escalated = "case.escalated";

    /// <summary>An approved extension moved a deadline's due instant.</summary>
    public const string DeadlineExtended = "case.deadlineExtended";

    /// <summary>A holiday calendar's new year moved a provisional deadline's due instant (issue 14).</summary>
    public const string DeadlineRecomputed = "case.deadlineRecomputed";

    /// <summary>Two cases were linked (a split per obligor, a supplementary claim, related cases): one row per link, on the case it is stored from.</summary>
    public const string CaseLinked = "case.linked";
}
