namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>How an event of one run differs from the other run.</summary>
public enum DifferenceKind
{
    /// <summary>The event happens on the published version only.</summary>
    OnlyPublished,
    /// <summary>The event happens on the candidate only.</summary>
    OnlyCandidate,
    /// <summary>The same event (kind and subject, the same occurrence) at another instant, with another due instant or leaving the case in another state.</summary>
    Changed,
}

/// <summary>One difference between the timelines of a scenario on the published version and on a candidate.</summary>
/// <param name="Change">What differs.</param>
/// <param name="Kind">The kind of event.</param>
/// <param name="Subject">The id the event is about (<see cref="TimelineEntry.Subject"/>), or null.</param>
/// <param name="Published">The event on the published version, or null.</param>
/// <param name="Candidate">The event on the candidate, or null.</param>
/// <param name="Text">The difference in words, e.g. <c>deadline opened consultation/consultationPeriod#1: due 2026-06-02 00:00 → 2026-07-02 00:00</c>.</param>
public sealed record TimelineDifference(
    DifferenceKind Change,
    TimelineKind Kind,
    string? Subject,
    TimelineEntry? Published,
    TimelineEntry? Candidate,
    string Text);
