using EcoDamage.Workflow.Engine.Diagnostics;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>Kinds of <see cref="TimelineEntry"/>.</summary>
public enum TimelineKind
{
    /// <summary>The case was started.</summary>
    Started,
    /// <summary>A trigger was applied (by a step, an overdue deadline or a sub-process outcome).</summary>
    Fired,
    /// <summary>A trigger (or the start) was refused.</summary>
    Refused,
    /// <summary>A document was attached.</summary>
    DocumentAttached,
    /// <summary>A sub-process started.</summary>
    CallStarted,
    /// <summary>A deadline opened.</summary>
    DeadlineOpened,
    /// <summary>A deadline closed because its state was left.</summary>
    DeadlineClosed,
    /// <summary>A reminder was sent.</summary>
    Reminder,
    /// <summary>A deadline passed (escalation and/or auto-fire follow).</summary>
    Overdue,
    /// <summary>The case came under a role's supervision.</summary>
    Escalated,
    /// <summary>A declared side effect (notify, copy, share status, publish, escalate).</summary>
    Action,
    /// <summary>The clock moved.</summary>
    ClockAdvanced,
    /// <summary>An expectation held.</summary>
    ExpectationMet,
    /// <summary>An expectation failed.</summary>
    ExpectationFailed,
}

/// <summary>One event of a simulated run.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What kind of event.</param>
/// <param name="State">The case's current states after the event, root first, joined with <c> / </c>.</param>
/// <param name="StateName">The innermost state's name in the run's language.</param>
/// <param name="Details">What happened, in English, with names beside ids.</param>
/// <param name="Lateness">For deadline events: how late it was handled (or, for a deadline closed after due, by how much it was missed).</param>
/// <param name="Step">The scenario step that caused it, when there is one.</param>
/// <param name="IsFailure">True when the event makes the run fail (an unexpected refusal, a failed expectation).</param>
public sealed record TimelineEntry(
    Instant At,
    TimelineKind Kind,
    string State,
    string StateName,
    string Details,
    Duration? Lateness = null,
    SourcePosition? Step = null,
    bool IsFailure = false)
{
    /// <summary>
    /// The id the event is about, for comparing runs: the definition id (started, sub-process started), the trigger id
    /// (fired, refused; <c>start</c> for a refused start), the document id, the deadline key (<c>definition/deadline#n</c>:
    /// deadline opened, closed, reminder, overdue), the role escalated to, <c>verb:target</c> for an action; null for
    /// the clock and expectations.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>The deadline's due instant, for deadline events (opened, closed, reminder, overdue); else null.</summary>
    public Instant? Due { get; init; }
}
