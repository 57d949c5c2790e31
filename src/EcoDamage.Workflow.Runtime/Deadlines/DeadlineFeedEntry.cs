using NodaTime;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>A reminder or escalation from the audit trail, for a department's or the procuratorate's feed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Sequence">The audit event's sequence in the case's chain.</param>
/// <param name="At">When it was handled.</param>
/// <param name="Kind"><c>DeadlineReminder</c> or <c>Escalated</c>.</param>
/// <param name="Deadline">The deadline's key.</param>
/// <param name="State">The state the case was in.</param>
/// <param name="Department">The case's handling department.</param>
/// <param name="Jurisdiction">The case's jurisdiction.</param>
/// <param name="Details">The audit details (JSON): due, scheduled and handled instants, lateness, role, legal basis.</param>
public sealed record DeadlineFeedEntry(
    string CaseId,
    long Sequence,
    Instant At,
    string Kind,
    string Deadline,
    string State,
    string? Department,
    string? Jurisdiction,
    string Details);
