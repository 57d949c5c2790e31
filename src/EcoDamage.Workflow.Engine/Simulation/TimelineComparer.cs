using System.Text;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>
/// Compares two timelines of one scenario. Events are paired by kind, subject and occurrence (the second reminder of
/// <c>consultation/consultationPeriod#1</c> with the second one of the other run); a pair differs when its instant, its
/// due instant or the state it leaves the case in differs; an event without a partner happens in one run only.
/// Details (wording, names) are not compared.
/// </summary>
internal static class TimelineComparer
{
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm");

    /// <summary>The differences, ordered by the earlier instant of each (published order first on ties).</summary>
    public static IReadOnlyList<TimelineDifference> Compare(IReadOnlyList<TimelineEntry> published, IReadOnlyList<TimelineEntry> candidate, DateTimeZone zone)
    {
        var theirs = Keyed(candidate).ToDictionary(k => k.Key, k => k.Entry);
        var matched = new HashSet<(TimelineKind, string?, int)>();
        var differences = new List<TimelineDifference>();
        foreach (var (key, entry) in Keyed(published))
        {
            if (!theirs.TryGetValue(key, out var other))
            {
                differences.Add(new TimelineDifference(DifferenceKind.OnlyPublished, entry.Kind, entry.Subject, entry, null,
                    $"only on the published version: {Words(entry.Kind)}{Subject(entry)} at {Local(entry.At, zone)}: {entry.Details}"));
                continue;
            }

            matched.Add(key);
            if (Changes(entry, other, zone) is { } changes)
            {
                differences.Add(new TimelineDifference(DifferenceKind.Changed, entry.Kind, entry.Subject, entry, other, $"{Words(entry.Kind)}{Subject(entry)}: {changes}"));
            }
        }

        foreach (var (key, entry) in Keyed(candidate).Where(k => !matched.Contains(k.Key)))
        {
            differences.Add(new TimelineDifference(DifferenceKind.OnlyCandidate, entry.Kind, entry.Subject, null, entry,
                $"only on the candidate: {Words(entry.Kind)}{Subject(entry)} at {Local(entry.At, zone)}: {entry.Details}"));
        }

        return [.. differences.OrderBy(d => Earlier(d))];
    }

    private static Instant Earlier(TimelineDifference d) =>
        d.Published is { } p && d.Candidate is { } c ? Instant.Min(p.At, c.At) : (d.Published ?? d.Candidate)!.At;

    private static IEnumerable<((TimelineKind Kind, string? Subject, int Occurrence) Key, TimelineEntry Entry)> Keyed(IReadOnlyList<TimelineEntry> timeline)
    {
        var seen = new Dictionary<(TimelineKind, string?), int>();
        foreach (var entry in timeline)
        {
            var n = seen.GetValueOrDefault((entry.Kind, entry.Subject)) + 1;
            seen[(entry.Kind, entry.Subject)] = n;
            yield return ((entry.Kind, entry.Subject, n), entry);
        }
    }

    private static string? Changes(TimelineEntry published, TimelineEntry candidate, DateTimeZone zone)
    {
        var parts = new List<string>();
        if (published.At != candidate.At)
        {
            parts.Add($"at {Local(published.At, zone)} → {Local(candidate.At, zone)}");
        }

        if (published.Due != candidate.Due)
        {
            parts.Add($"due {Local(published.Due, zone)} → {Local(candidate.Due, zone)}");
        }

        if (!string.Equals(published.State, candidate.State, StringComparison.Ordinal))
        {
            parts.Add($"state {StateText(published.State)} → {StateText(candidate.State)}");
        }

        if (published.IsFailure != candidate.IsFailure)
        {
            parts.Add(candidate.IsFailure ? "fails the run on the candidate" : "no longer fails the run");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string StateText(string state) => state.Length == 0 ? "(none)" : state;

    private static string Subject(TimelineEntry entry) => entry.Subject is { } s ? " " + s : string.Empty;

    private static string Local(Instant? at, DateTimeZone zone) => at is { } a ? Shown.Format(a.InZone(zone).LocalDateTime) : "(none)";

    /// <summary><c>DeadlineOpened</c> reads <c>deadline opened</c>.</summary>
    internal static string Words(TimelineKind kind)
    {
        var name = kind.ToString();
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
