namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>Audit event kinds written for deadlines (besides the transitions an overdue deadline auto-fires).</summary>
public static class DeadlineAuditKinds
{
    /// <summary>A reminder before due was sent to the responsible department.</summary>
    public const string Reminder = "DeadlineReminder";

    /// <summary>A deadline passed with no escalation (its overdue action only fires a trigger).</summary>
    public const string Overdue = "DeadlineOverdue";

    /// <summary>A deadline passed and the case was escalated (to the procuratorate, R9), with the legal basis.</summary>
    public const string Escalated = "Escalated";

    /// <summary>An extension of a deadline was requested.</summary>
    public const string ExtensionRequested = "ExtensionRequested";

    /// <summary>An approved extension moved a deadline.</summary>
    public const string Extended = "DeadlineExtended";

    /// <summary>Provisional deadlines were recomputed after a holiday calendar gained a year (issue 14).</summary>
    public const string Recomputed = "deadlines.recomputed";
}
